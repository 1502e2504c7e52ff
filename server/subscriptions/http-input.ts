import "server-only";
import type { z } from "zod";
import { customerIdOf, type Actor } from "../auth/actor";
import { AppError } from "../errors/app-error";
import { zodFieldErrors } from "../errors/to-error-response";
import { unstorableTextFields } from "../http/unstorable-text-fields";
import type { CustomerActor } from "./lock-subscription";

/** The acting customer for the lifecycle use-cases (403 for an account without a profile). */
export function customerActorOf(actor: Actor): CustomerActor {
  return { userId: actor.userId, customerId: customerIdOf(actor) };
}

/**
 * Like parseJson, but an empty body means `{}`: action endpoints such as /pause take only
 * optional fields, and a client shouldn't need a body to say "no options".
 */
export async function parseOptionalJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await req.text();
  let raw: unknown = {};
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
    }
  }
  const unstorable = unstorableTextFields(raw);
  if (unstorable) throw new AppError("VALIDATION", "Please correct the highlighted fields", unstorable);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Please correct the highlighted fields", zodFieldErrors(parsed.error));
  return parsed.data;
}
