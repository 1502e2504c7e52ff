import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { customers, users } from "@/db/schema";
import { env } from "@/server/env";
import { getActor } from "../actor";
import { revokeSessions } from "../session-user";

/**
 * A session cookie names a user; it does not decide who that is. Finding 1 of the security
 * review: a cookie minted with a known secret opened admin APIs for a user that does not exist,
 * and sessions outlived sign-out.
 */
async function makeUser(role: "customer" | "admin" = "customer") {
  const [user] = await getDb()
    .insert(users)
    .values({ email: `s-${randomUUID()}@example.test`, role })
    .returning();
  if (role === "customer") await getDb().insert(customers).values({ userId: user!.id, email: user!.email, name: "Sam" });
  return user!;
}

async function requestWith(claims: Record<string, unknown>) {
  const jwt = await encode({ token: claims, secret: env().NEXTAUTH_SECRET });
  // A NextRequest, as route handlers get: next-auth reads its cookies from it.
  return new NextRequest("http://localhost/api/v1/subscriptions", { headers: { cookie: `next-auth.session-token=${jwt}` } });
}

describe("sessions are checked against the database", () => {
  it("takes the role from the database, not from the cookie", async () => {
    const user = await makeUser("customer");
    const actor = await getActor(await requestWith({ sub: user.id, role: "admin", sv: 0 }));
    expect(actor).toMatchObject({ userId: user.id, role: "customer" });
    expect(actor?.customerId).toBeTruthy();
  });

  it("rejects a well-signed cookie for a user that does not exist", async () => {
    expect(await getActor(await requestWith({ sub: randomUUID(), role: "admin", sv: 0 }))).toBeNull();
    expect(await getActor(await requestWith({ sub: "not-a-uuid", role: "admin" }))).toBeNull();
  });

  it("sign-out revokes every session of the user; a later sign-in works", async () => {
    const user = await makeUser();
    const before = await requestWith({ sub: user.id, sv: 0 });
    expect(await getActor(before)).not.toBeNull();
    await revokeSessions(user.id);
    expect(await getActor(before)).toBeNull();
    expect(await getActor(await requestWith({ sub: user.id, sv: 1 }))).not.toBeNull();
  });

  it("a disabled user's sessions stop working", async () => {
    const user = await makeUser();
    const req = await requestWith({ sub: user.id, sv: 0 });
    await getDb().update(users).set({ disabledAt: new Date(), sessionVersion: 1 }).where(eq(users.id, user.id));
    expect(await getActor(req)).toBeNull();
    expect(await getActor(await requestWith({ sub: user.id, sv: 1 }))).toBeNull();
  });
});
