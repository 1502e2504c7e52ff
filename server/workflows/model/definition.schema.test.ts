import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition } from "./default-workflow";
import { workflowDefinitionSchema } from "./definition.schema";

const def = defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });
const withAction = (action: unknown) => ({
  ...def,
  states: [...def.states, { id: "x", label: "X", kind: "normal", actions: [[action]] }],
});
const retry = { attempts: 1, initialIntervalMs: 0, backoffRate: 1, maxIntervalMs: 0 };

describe("workflowDefinitionSchema", () => {
  it("accepts the default workflow after a JSON round trip", () => {
    expect(workflowDefinitionSchema.parse(JSON.parse(JSON.stringify(def)))).toEqual(def);
  });

  it("checks action params per type", () => {
    const webhook = { id: "w", type: "webhook", retry, params: { url: "https://example.com/hook", secretName: "WH" } };
    expect(workflowDefinitionSchema.safeParse(withAction(webhook)).success).toBe(true);
    expect(workflowDefinitionSchema.safeParse(withAction({ ...webhook, params: { url: "ftp://x", secretName: "WH" } })).success).toBe(false);
    expect(workflowDefinitionSchema.safeParse(withAction({ ...webhook, params: { url: "https://x.io" } })).success).toBe(false);
    const notify = { id: "n", type: "notify", retry, params: { template: "t", channel: "sms" } };
    expect(workflowDefinitionSchema.safeParse(withAction(notify)).success).toBe(false);
    expect(workflowDefinitionSchema.safeParse(withAction({ id: "r", type: "refund", retry, params: {} })).success).toBe(false);
  });

  it("lets unknown guard fields through so validation can locate them", () => {
    const d = structuredClone(def);
    d.transitions[1]!.guard = { field: "weight", op: "gt", value: 1 };
    expect(workflowDefinitionSchema.safeParse(d).success).toBe(true);
  });

  it("rejects unknown keys and a missing schema version", () => {
    expect(workflowDefinitionSchema.safeParse({ ...def, extra: 1 }).success).toBe(false);
    const { schemaVersion: _, ...unversioned } = def;
    expect(workflowDefinitionSchema.safeParse(unversioned).success).toBe(false);
  });
});

describe("defaultWorkflowDefinition", () => {
  it("rejects a nonsensical threshold", () => {
    expect(() => defaultWorkflowDefinition({ approvalThresholdMinor: -1 })).toThrow(RangeError);
    expect(() => defaultWorkflowDefinition({ approvalThresholdMinor: 10.5 })).toThrow(RangeError);
  });
});
