import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as readPost } from "@/app/api/v1/admin/notifications/[id]/read/route";
import { GET as listGet } from "@/app/api/v1/admin/notifications/route";
import { getDb } from "@/db/client";
import { adminNotifications } from "@/db/schema";
import { createAdminNotifications } from "@/server/notifications/create-admin-notifications";
import { callRoute, makeStaff } from "@/test/support/workflows/api-client";

describe("staff in-app notifications (the header bell)", () => {
  let admin: { token: string; userId: string };
  let other: { token: string; userId: string };
  beforeAll(async () => {
    admin = await makeStaff(getDb(), "admin");
    other = await makeStaff(getDb(), "admin");
  });

  it("lists only the signed-in user's, newest first, with the unread count; a dedupe key writes once", async () => {
    const db = getDb();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const item = (userId: string, key: string, title: string) => ({
      userId,
      kind: "sla_breach",
      title,
      body: "b",
      link: "/orders/x",
      dedupeKey: key,
    });
    expect(await createAdminNotifications(db, [item(admin.userId, "k1", "first"), item(other.userId, "k1", "theirs")], t0)).toBe(2);
    expect(await createAdminNotifications(db, [item(admin.userId, "k2", "second")], new Date(t0.getTime() + 60_000))).toBe(1);
    // The same alert sent again (a retried run) adds nothing.
    expect(await createAdminNotifications(db, [item(admin.userId, "k1", "first again")], new Date(t0.getTime() + 120_000))).toBe(0);

    const r = await callRoute(listGet, { token: admin.token });
    expect(r.status).toBe(200);
    expect(r.body.unread).toBe(2);
    const list = r.body.notifications as Array<{ title: string; readAt: string | null; link: string }>;
    expect(list.map((n) => n.title)).toEqual(["second", "first"]);
    expect(list[0]).toMatchObject({ readAt: null, link: "/orders/x" });
  });

  it("marks one read (idempotent), and another user's notification is a 404", async () => {
    const db = getDb();
    const [mine] = await db.select().from(adminNotifications).where(eq(adminNotifications.userId, admin.userId)).limit(1);
    const [theirs] = await db.select().from(adminNotifications).where(eq(adminNotifications.userId, other.userId)).limit(1);

    const ok = await callRoute(readPost, { token: admin.token, method: "POST", params: { id: mine!.id } });
    expect(ok).toEqual({ status: 200, body: { ok: true } });
    const [after] = await db.select().from(adminNotifications).where(eq(adminNotifications.id, mine!.id));
    expect(after!.readAt).not.toBeNull();
    const again = await callRoute(readPost, { token: admin.token, method: "POST", params: { id: mine!.id } });
    expect(again.status).toBe(200);
    const [still] = await db.select().from(adminNotifications).where(eq(adminNotifications.id, mine!.id));
    expect(still!.readAt).toEqual(after!.readAt);

    expect((await callRoute(readPost, { token: admin.token, method: "POST", params: { id: theirs!.id } })).status).toBe(404);
    expect((await callRoute(readPost, { token: admin.token, method: "POST", params: { id: "not-a-uuid" } })).status).toBe(404);
    expect((await callRoute(listGet, { token: admin.token })).body.unread).toBe(1);
    expect((await callRoute(listGet, { token: other.token })).body.unread).toBe(1);
  });

  it("customers cannot read the staff inbox", async () => {
    const customer = await makeStaff(getDb(), "customer");
    expect((await callRoute(listGet, { token: customer.token })).status).toBe(403);
  });
});
