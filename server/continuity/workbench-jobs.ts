import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { programEnrollments, workbenchJobs } from "@/db/schema";
import { auditSubscriptions, rescheduleRuns, type SubscriptionAuditEntry } from "@/server/subscriptions/transition";
import { isUuid } from "@/server/subscriptions/subscription.schema";
import { conflict, invalid, notFound } from "../errors/app-error";
import { auditContinuity } from "./audit-program";
import { forecastShipments } from "./forecast";
import { loadEnrollments, lockProgramSubscriptions } from "./load-enrollments";
import { getProgramOrThrow, loadProducts, loadProgramOrThrow, productIdsOf } from "./load-program";
import { resolveShipment } from "./model";
import { stateOnRevision } from "./state-on-revision";
import { uuidList } from "./uuid-list";

export type WorkbenchJob = typeof workbenchJobs.$inferSelect;

/** Queues "move these enrollments to the current revision"; the caller sends the event after commit. */
export async function startWorkbenchJob(
  db: Database,
  userId: string,
  programId: string,
  input: { subscriptionIds: string[]; batchSize: number },
): Promise<{ jobId: string; total: number }> {
  return db.transaction(async (tx) => {
    const program = await getProgramOrThrow(tx, programId);
    if (program.currentRevision === null) throw conflict("Activate the program first");
    const ids = [...new Set(input.subscriptionIds)];
    const known = await tx
      .select({ id: programEnrollments.subscriptionId })
      .from(programEnrollments)
      .where(and(eq(programEnrollments.programId, programId), sql`${programEnrollments.subscriptionId} = ANY(${uuidList(ids)}::uuid[])`));
    if (known.length !== ids.length) throw invalid({ subscriptionIds: "Some selected subscriptions are not in this program" });
    const [job] = await tx
      .insert(workbenchJobs)
      .values({
        programId,
        toRevision: program.currentRevision,
        subscriptionIds: ids.sort(),
        batchSize: input.batchSize,
        createdBy: userId,
      })
      .returning({ id: workbenchJobs.id });
    await auditContinuity(tx, { type: "user", userId }, [
      {
        entityType: "program",
        entityId: programId,
        action: "workbench_job_started",
        data: { jobId: job!.id, toRevision: program.currentRevision, subscriptions: ids.length },
      },
    ]);
    return { jobId: job!.id, total: ids.length };
  });
}

/**
 * Applies the job's next batch in ONE transaction: the job row is locked (so two runners
 * can't take the same batch), each enrollment still on an older revision is moved with a
 * guarded UPDATE and one audit row, its next run recomputed on the new definition, and the
 * job's progress advanced. A crash rolls the whole batch back; re-running resumes from
 * `processed`. Returns whether the job is finished.
 */
export async function runWorkbenchBatch(db: Database, jobId: string, now: Date): Promise<{ done: boolean; processed: number; total: number }> {
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(workbenchJobs).where(eq(workbenchJobs.id, jobId)).for("update");
    if (!job) throw notFound("Workbench job");
    const total = job.subscriptionIds.length;
    if (job.status === "done" || job.status === "failed") return { done: true, processed: job.processed, total };
    const batch = job.subscriptionIds.slice(job.processed, job.processed + job.batchSize);
    await lockProgramSubscriptions(tx, batch, ["active", "paused"]);
    const target = await loadProgramOrThrow(tx, job.programId, job.toRevision);
    const { isPhantom } = await loadProducts(tx, productIdsOf(target));
    const runs: Array<{ subscriptionId: string; nextRunAt: Date }> = [];
    const audits: SubscriptionAuditEntry[] = [];
    for (const e of await loadEnrollments(tx, batch)) {
      if (e.revision >= job.toRevision || (e.status !== "active" && e.status !== "paused")) continue;
      const state = stateOnRevision(target, e.state);
      const [moved] = await tx
        .update(programEnrollments)
        .set({ revision: job.toRevision, versionId: state.versionId, state, updatedAt: now })
        .where(and(eq(programEnrollments.subscriptionId, e.subscriptionId), eq(programEnrollments.revision, e.revision)))
        .returning({ id: programEnrollments.subscriptionId });
      if (!moved) continue;
      if (e.status === "active") {
        const ends = resolveShipment(target, state).done;
        const next = ends ? null : forecastShipments(target, state, e, { count: 1, isPhantom })[0];
        runs.push({ subscriptionId: e.subscriptionId, nextRunAt: next?.generationAt ?? now });
      }
      audits.push({
        subscriptionId: e.subscriptionId,
        at: now,
        action: "program_revision_applied",
        fromState: `revision ${e.revision}`,
        toState: `revision ${job.toRevision}`,
        data: { jobId, programId: job.programId, fromVersion: e.versionId, toVersion: state.versionId },
      });
    }
    // The batch's next runs and audit rows, each in one statement.
    await rescheduleRuns(tx, runs, now);
    await auditSubscriptions(tx, { type: "user", userId: job.createdBy ?? "unknown" }, audits);
    const applied = audits.length;
    const processed = job.processed + batch.length;
    const done = processed >= total;
    await tx
      .update(workbenchJobs)
      .set({
        processed,
        applied: job.applied + applied,
        unchanged: job.unchanged + batch.length - applied,
        status: done ? "done" : "running",
        finishedAt: done ? now : null,
      })
      .where(and(eq(workbenchJobs.id, jobId), eq(workbenchJobs.processed, job.processed)));
    return { done, processed, total };
  });
}

export async function getWorkbenchJob(
  db: DbOrTx,
  programId: string,
  jobId: string,
): Promise<Omit<WorkbenchJob, "subscriptionIds"> & { total: number }> {
  if (!isUuid(jobId)) throw notFound("Workbench job");
  const [job] = await db
    .select()
    .from(workbenchJobs)
    .where(and(eq(workbenchJobs.id, jobId), eq(workbenchJobs.programId, programId)));
  if (!job) throw notFound("Workbench job");
  const { subscriptionIds, ...rest } = job;
  return { ...rest, total: subscriptionIds.length };
}

/** Jobs left queued/running (lost event, crashed runner) for the cron to resume. */
export async function stalledWorkbenchJobs(db: DbOrTx, now: Date, olderThanMinutes = 2): Promise<string[]> {
  const rows = await db
    .select({ id: workbenchJobs.id })
    .from(workbenchJobs)
    .where(
      and(
        sql`${workbenchJobs.status} IN ('queued', 'running')`,
        sql`${workbenchJobs.createdAt} < ${new Date(now.getTime() - olderThanMinutes * 60_000).toISOString()}::timestamptz`,
      ),
    );
  return rows.map((r) => r.id);
}
