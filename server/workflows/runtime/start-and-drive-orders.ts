import "server-only";
import { type DriveResult, driveOrders } from "./drive-orders";
import type { RuntimeDeps } from "./runtime-deps";
import { startOrderWorkflows } from "./start-order-workflow";

/**
 * New orders → pinned and driven through their automatic states at once. Orders that were
 * already pinned (a duplicate order/created) are driven from where they are: a visit that is
 * already done is stale and skipped, so nothing runs twice.
 */
export async function startAndDriveOrders(
  deps: RuntimeDeps,
  orderIds: readonly string[],
  opts: { parallelism: number },
): Promise<DriveResult & { started: number }> {
  const started = await startOrderWorkflows(deps.db, orderIds, deps.now());
  const r = await driveOrders(
    deps,
    started.map((s) => ({ orderId: s.orderId, state: s.state, versionId: s.versionId, seq: s.seq })),
    opts,
  );
  return { ...r, started: started.filter((s) => s.pinnedNow).length };
}
