import "server-only";
import { redirect } from "next/navigation";
import { type Actor, getActor } from "./actor";
import { can, type Permission } from "./permissions";

/** For server components: signed-out → /signin, wrong role → /forbidden. */
export async function requirePageActor(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  if (!can(actor.role, permission) || (permission === "subscriptions:own" && !actor.customerId)) redirect("/forbidden");
  return actor;
}
