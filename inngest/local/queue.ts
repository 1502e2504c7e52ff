/**
 * The job queue: one job = one HTTP call to the app. Concurrency is enforced
 * per call, like Inngest's (limits count executing steps; sleeping or waiting
 * runs hold no slot).
 *
 * Waiting jobs are ordered by run age first, so once a run has started, its
 * next step is preferred over a newer run's first step — which, as in
 * Inngest, keeps a limit of 1 per key effectively serialising step-only runs.
 */

export interface Slot {
  group: string;
  limit: number;
}

export interface QueuedJob {
  runSeq: number;
  slots: Slot[];
  execute(): Promise<void>;
}

export class JobQueue {
  private readonly waiting: (QueuedJob & { seq: number })[] = [];
  private readonly held = new Map<string, number>();
  private seq = 0;
  inFlight = 0;

  /**
   * `maxInFlight` caps calls to the app across all functions (Inngest's account concurrency):
   * a wave of thousands of events queues here instead of opening thousands of requests at
   * once — the app keeps answering its users, and no call times out waiting in its backlog.
   */
  constructor(
    private readonly onCrash: (err: unknown) => void,
    private readonly maxInFlight = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.waiting.length;
  }

  submit(job: QueuedJob): void {
    const entry = { ...job, seq: this.seq++ };
    const at = this.waiting.findIndex((w) => w.runSeq > entry.runSeq);
    if (at === -1) this.waiting.push(entry);
    else this.waiting.splice(at, 0, entry);
    this.pump();
  }

  /** Drops waiting jobs (used on stop); in-flight calls are aborted elsewhere. */
  clear(): void {
    this.waiting.length = 0;
  }

  private fits(slots: Slot[]): boolean {
    return slots.every((s) => (this.held.get(s.group) ?? 0) < s.limit);
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.inFlight < this.maxInFlight; ) {
      const job = this.waiting[i] as QueuedJob;
      if (!this.fits(job.slots)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      for (const s of job.slots) this.held.set(s.group, (this.held.get(s.group) ?? 0) + 1);
      this.inFlight++;
      void this.run(job);
    }
  }

  private async run(job: QueuedJob): Promise<void> {
    // Start on a later tick so a job that submits synchronously can't re-enter pump().
    await Promise.resolve();
    try {
      // The job enqueues its follow-up work before we release its slots, so
      // that follow-up competes for the freed slot with its run's seniority.
      await job.execute();
    } catch (err) {
      this.onCrash(err);
    } finally {
      for (const s of job.slots) {
        const n = (this.held.get(s.group) ?? 1) - 1;
        if (n <= 0) this.held.delete(s.group);
        else this.held.set(s.group, n);
      }
      this.inFlight--;
      this.pump();
    }
  }
}
