import { describe, expect, it } from "vitest";
import { loggableError } from "./loggable-error";

describe("loggableError", () => {
  it("drops the query parameters drizzle puts in its message, keeps the PostgreSQL code", () => {
    const cause = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      severity: "ERROR",
      constraint_name: "users_email_unique",
    });
    const e = Object.assign(
      new Error('Failed query: insert into "users" ("email", "password_hash") values ($1, $2)\nparams: a@b.test,scrypt$secret-hash'),
      { cause },
    );
    const logged = JSON.stringify(loggableError(e));
    expect(logged).not.toContain("secret-hash");
    expect(logged).not.toContain("a@b.test");
    expect(loggableError(e)).toMatchObject({
      message: expect.stringContaining('insert into "users"'),
      pg: { code: "23505", constraint: "users_email_unique" },
    });
  });

  it("says what was thrown when it is not an Error, without its content", () => {
    expect(loggableError("password=hunter2")).toEqual({ thrown: "string" });
  });
});

describe("toErrorResponse safety net", () => {
  it("answers 422, not 500, when PostgreSQL refuses a value (NUL, out-of-range date or number)", async () => {
    const { toErrorResponse } = await import("./to-error-response");
    for (const code of ["22021", "22008", "22003"]) {
      const e = Object.assign(new Error("Failed query: …\\nparams: x"), { cause: Object.assign(new Error("refused"), { code, severity: "ERROR" }) });
      expect(toErrorResponse(e)).toMatchObject({ status: 422, body: { error: { code: "VALIDATION" } } });
    }
    const other = Object.assign(new Error("boom"), { cause: Object.assign(new Error("deadlock"), { code: "40P01", severity: "ERROR" }) });
    expect(toErrorResponse(other).status).toBe(500);
  });
});
