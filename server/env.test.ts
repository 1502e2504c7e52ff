import { describe, expect, it } from "vitest";
import { parseEnv, productionSecretProblems, SECRET_VARIABLES } from "./env";

const strong = Object.fromEntries(
  SECRET_VARIABLES.map((name, i) => [
    name,
    name === "CHANNEL_CREDENTIALS_KEY" ? Buffer.alloc(32, 7).toString("base64") : `a-long-random-secret-number-${i}`,
  ]),
);

describe("configuration", () => {
  it("development and tests run on the documented defaults", () => {
    expect(parseEnv({ NODE_ENV: "development" }).NEXTAUTH_SECRET).toBe("replen-dev-secret-change-me-in-production");
    expect(parseEnv({}).INTAKE_SECRET_SHOPIFY).toBe("dev-shopify-secret");
  });

  it("production refuses to start on an unset, public default or short secret, naming each", () => {
    const error = (() => {
      try {
        parseEnv({
          NODE_ENV: "production",
          ...strong,
          NEXTAUTH_SECRET: undefined,
          INTAKE_SECRET_API: "dev-api-secret",
          WEBHOOK_SIGNING_SECRET: "short",
        });
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    })();
    expect(error).toContain("NEXTAUTH_SECRET: unset");
    expect(error).toContain("INTAKE_SECRET_API: still the public development default");
    expect(error).toContain("WEBHOOK_SIGNING_SECRET: shorter than 16 characters");
    expect(error).not.toContain("INTAKE_SECRET_SHOPIFY");
  });

  it("production refuses an unset or public channel credentials key; any environment refuses a key that is not 32 bytes", () => {
    const { CHANNEL_CREDENTIALS_KEY: _key, ...withoutKey } = strong;
    expect(() => parseEnv({ NODE_ENV: "production", ...withoutKey })).toThrow(/CHANNEL_CREDENTIALS_KEY: unset/);
    expect(() => parseEnv({ NODE_ENV: "production", ...strong, CHANNEL_CREDENTIALS_KEY: parseEnv({}).CHANNEL_CREDENTIALS_KEY })).toThrow(
      /CHANNEL_CREDENTIALS_KEY: still the public development default/,
    );
    expect(() => parseEnv({ CHANNEL_CREDENTIALS_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/CHANNEL_CREDENTIALS_KEY/);
  });

  it("production starts with every secret set; `next build` may collect pages without them", () => {
    expect(productionSecretProblems(strong)).toEqual([]);
    expect(parseEnv({ NODE_ENV: "production", ...strong }).NEXTAUTH_SECRET).toBe(strong.NEXTAUTH_SECRET);
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });
});
