import { describe, expect, it } from "vitest";
import { chooseTransition } from "./choose-transition";
import type { Transition, WorkflowDefinition } from "./definition.schema";
import { sampleOrderFacts } from "./sample-order-facts";

const auto = { kind: "automatic" } as const;
const state = (id: string, kind: "initial" | "normal" | "terminal" = "normal") => ({
  id,
  label: id,
  kind,
  actions: [],
});

function def(transitions: Transition[]): WorkflowDefinition {
  return { schemaVersion: 1, states: ["a", "b", "c", "d"].map((id) => state(id)), transitions };
}

// Deliberately listed out of priority order: array order must not matter.
const routing = def([
  { id: "to_default", from: "a", to: "d", trigger: auto, isDefault: true, priority: 0 },
  { id: "to_c", from: "a", to: "c", trigger: auto, priority: 20, guard: { field: "total", op: "gt", value: 1_000 } },
  { id: "to_b", from: "a", to: "b", trigger: auto, priority: 10, guard: { field: "country", op: "eq", value: "US" } },
]);

describe("chooseTransition", () => {
  it("evaluates guards by ascending priority and reports every fact read", () => {
    const chosen = chooseTransition(routing, "a", sampleOrderFacts({ country: "US", total: 5_000 }), auto);
    expect(chosen?.transition.id).toBe("to_b");
    expect(chosen?.firedGuard).toBe('country = "US"');
    expect(chosen?.inputs).toEqual({ country: "US" });

    const second = chooseTransition(routing, "a", sampleOrderFacts({ country: "FR", total: 5_000 }), auto);
    expect(second?.transition.id).toBe("to_c");
    expect(second?.inputs).toEqual({ country: "FR", total: 5_000 });
  });

  it("falls back to the default last, whatever its priority number", () => {
    const chosen = chooseTransition(routing, "a", sampleOrderFacts({ country: "FR", total: 10 }), auto);
    expect(chosen?.transition.id).toBe("to_default");
    expect(chosen?.firedGuard).toBe("default");
    expect(chosen?.inputs).toEqual({ country: "FR", total: 10 });
  });

  it("breaks priority ties by id and treats unguarded transitions as always matching", () => {
    const tie = def([
      { id: "z", from: "a", to: "c", trigger: auto, priority: 1 },
      { id: "m", from: "a", to: "b", trigger: auto, priority: 1 },
    ]);
    expect(chooseTransition(tie, "a", sampleOrderFacts(), auto)).toMatchObject({
      transition: { id: "m" },
      firedGuard: "always",
      inputs: {},
    });
  });

  it("returns null when nothing matches and there is no default", () => {
    const noDefault = def([routing.transitions[1]!]);
    expect(chooseTransition(noDefault, "a", sampleOrderFacts({ total: 1 }), auto)).toBeNull();
    expect(chooseTransition(routing, "b", sampleOrderFacts(), auto)).toBeNull();
  });

  it("only considers transitions of the matching trigger", () => {
    const mixed = def([
      { id: "shipped", from: "a", to: "b", trigger: { kind: "event", event: "order/shipped" }, priority: 0 },
      { id: "approve", from: "a", to: "c", trigger: { kind: "manual", role: "merchandiser" }, priority: 0 },
      { id: "cancel", from: "a", to: "d", trigger: { kind: "manual", role: "admin" }, priority: 1 },
    ]);
    const facts = sampleOrderFacts();
    expect(chooseTransition(mixed, "a", facts, auto)).toBeNull();
    expect(chooseTransition(mixed, "a", facts, { kind: "event", event: "order/paid" })).toBeNull();
    expect(chooseTransition(mixed, "a", facts, { kind: "event", event: "order/shipped" })?.transition.id).toBe("shipped");
    // Merchandisers cannot take admin transitions; admins can take merchandiser ones.
    const asMerch = { kind: "manual", role: "merchandiser", transitionId: "cancel" } as const;
    expect(chooseTransition(mixed, "a", facts, asMerch)).toBeNull();
    expect(chooseTransition(mixed, "a", facts, { ...asMerch, role: "admin" })?.transition.id).toBe("cancel");
    expect(chooseTransition(mixed, "a", facts, { kind: "manual", role: "admin" })?.transition.id).toBe("approve");
  });
});
