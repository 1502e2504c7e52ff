import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as signupPOST } from "@/app/api/v1/signup/route";
import { getDb } from "@/db/client";

/** Security finding 5: a NUL in a string reached PostgreSQL and came back as a 500. */
describe("signup with hostile strings", () => {
  const post = async (body: unknown) => {
    const res = await signupPOST(
      new Request("http://localhost/api/v1/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
    return { status: res.status, json: (await res.json()) as { error?: { code: string } } };
  };
  const users = async () => Number((await getDb().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`))[0]!.n);

  it("a NUL character is a 422 and writes nothing", async () => {
    const before = await users();
    const r = await post({ email: "nul@example.test", name: "Null\u0000Byte", password: "long-enough-password", timeZone: "America/New_York" });
    expect(r.status).toBe(422);
    expect(r.json.error?.code).toBe("VALIDATION");
    expect(await users()).toBe(before);
  });
});
