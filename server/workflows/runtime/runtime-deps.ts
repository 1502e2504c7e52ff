import type { Database } from "@/db/client";
import type { PaymentGateway } from "@/server/payments/gateway";
import type { SendEmail } from "@/server/notifications/send-email";
import type { ActionExecutor } from "../actions/action-result";

/** What the runtime runs against. Production wiring: defaultRuntimeDeps(); the bench swaps `executor`. */
export type RuntimeDeps = {
  db: Database;
  executor: ActionExecutor;
  gateway: PaymentGateway;
  sendEmail: SendEmail;
  now: () => Date;
  homeCountry: string;
  appUrl: string;
  /** Delays (ms after entering a dunning state) of the scheduled payment retries; [] = none. */
  dunningDelaysMs: number[];
};
