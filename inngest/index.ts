import type { InngestFunction } from "inngest";
import { applyWorkbenchJob } from "./functions/apply-workbench-job";
import { flagMissingSubstitutions } from "./functions/flag-missing-substitutions";
import { settleCancelledEnrollments } from "./functions/settle-cancelled-enrollments";
import { applyOrderEventFunction } from "./functions/apply-order-event";
import { driveOrdersFunction } from "./functions/drive-orders";
import { generateDueOrders } from "./functions/generate-due-orders";
import { processIntake } from "./functions/process-intake";
import { purgeSecurityRecords } from "./functions/purge-security-records";
import { reconcileStores } from "./functions/reconcile-stores";
import { resumePausedSubscriptions } from "./functions/resume-paused-subscriptions";
import { runOrderStateFunction } from "./functions/run-order-state";
import { sendReminders } from "./functions/send-reminders";
import { startOrderWorkflowFunction } from "./functions/start-order-workflow";
import { sweepStuckOrdersFunction } from "./functions/sweep-stuck-orders";
import { sweepIntake } from "./functions/sweep-intake";
import { runWorkflowOperation } from "./functions/run-workflow-operation";
import { sendSlaAlertsFunction } from "./functions/send-sla-alerts";

/** Every function the app serves. One function per file under ./functions. */
export const functions: InngestFunction.Any[] = [
  resumePausedSubscriptions,
  generateDueOrders,
  sendReminders,
  processIntake,
  sweepIntake,
  flagMissingSubstitutions,
  applyWorkbenchJob,
  settleCancelledEnrollments,
  startOrderWorkflowFunction,
  driveOrdersFunction,
  runOrderStateFunction,
  applyOrderEventFunction,
  sweepStuckOrdersFunction,
  purgeSecurityRecords,
  reconcileStores,
  runWorkflowOperation,
  sendSlaAlertsFunction,
];
