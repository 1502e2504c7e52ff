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

type Entry = QueuedJob & { seq: number };

/** Oldest run first; within a run, submission order. */
const before = (a: Entry, b: Entry) => a.runSeq - b.runSeq || a.seq - b.seq;

export class JobQueue {
  /**
   * Waiting jobs by the concurrency groups they need, each list oldest run first. Jobs with
   * the same groups are blocked or free together, so only each list's head is ever looked at:
   * a wave of thousands of queued runs costs O(log n) per submit and O(lists) per pump.
   */
  private readonly waiting = new Map<string, Entry[]>();
  private readonly held = new Map<string, number>();
  private seq = 0;
  private count = 0;
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
    return this.count;
  }

  submit(job: QueuedJob): void {
    const entry: Entry = { ...job, seq: this.seq++ };
    const key = job.slots.map((s) => `${s.group}\u0000${s.limit}`).join("\u0001");
    const list = this.waiting.get(key) ?? [];
    this.waiting.set(key, list);
    // Binary search for the first entry that comes after this one.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(list[mid] as Entry, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, entry);
    this.count++;
    this.pump();
  }

  /** Drops waiting jobs (used on stop); in-flight calls are aborted elsewhere. */
  clear(): void {
    this.waiting.clear();
    this.count = 0;
  }

  private fits(slots: Slot[]): boolean {
    return slots.every((s) => (this.held.get(s.group) ?? 0) < s.limit);
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight) {
      // The oldest job whose groups have room, among the lists' heads.
      let pick: { key: string; list: Entry[] } | null = null;
      for (const [key, list] of this.waiting) {
        const head = list[0];
        if (!head || !this.fits(head.slots)) continue;
        if (!pick || before(head, pick.list[0] as Entry) < 0) pick = { key, list };
      }
      if (!pick) return;
      const job = pick.list.shift() as Entry;
      if (pick.list.length === 0) this.waiting.delete(pick.key);
      this.count--;
      for (const s of job.slots) this.held.set(s.group, (this.held.get(s.group) ?? 0) + 1);
      this.inFlight++;
      void this.run(job);
    }
  }

  private async run(job: QueuedJob): Promise<void> {
    // Start on a later tick so a job that submits synchronously can't re-enter pump().
    await Promise.resolve();
    try {
      // The job enqueues its follow-up work before we release its slots, so that follow-up
      // competes for the freed slot with its run's seniority.
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
