import { getDb } from "@/db/client";
import { customerIdOf } from "@/server/auth/actor";
import { listMyEnrollments } from "@/server/continuity/customer-programs";
import { withAuth } from "@/server/http/handler";

export const GET = withAuth("subscriptions:own", async ({ actor }) => ({ enrollments: await listMyEnrollments(getDb(), customerIdOf(actor)) }));
