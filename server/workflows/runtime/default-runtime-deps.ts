import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { sendEmail } from "@/server/notifications/send-email";
import { parseDunningHours } from "@/server/payments/dunning";
import { paymentGateway } from "@/server/payments/payment-gateway";
import { createActionExecutor } from "../actions/create-action-executor";
import { runtimeSettings } from "../actions/runtime-settings";
import type { RuntimeDeps } from "./runtime-deps";

/** The production wiring: real actions, the configured gateway, SMTP, the wall clock. */
export function defaultRuntimeDeps(overrides: Partial<RuntimeDeps> = {}): RuntimeDeps {
  const db = overrides.db ?? getDb();
  const gateway = overrides.gateway ?? paymentGateway(db);
  const settings = runtimeSettings();
  const send = overrides.sendEmail ?? sendEmail;
  return {
    db,
    gateway,
    sendEmail: send,
    executor: overrides.executor ?? createActionExecutor({ db, gateway, sendEmail: send, settings }),
    now: overrides.now ?? (() => new Date()),
    homeCountry: settings.homeCountry,
    appUrl: settings.appUrl,
    dunningDelaysMs: overrides.dunningDelaysMs ?? parseDunningHours(env().DUNNING_RETRY_HOURS),
  };
}
