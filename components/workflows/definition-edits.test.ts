import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition, validateDefinition, type WorkflowDefinition, workflowDefinitionSchema } from "@/server/workflows/model";
import { joinPreviousGroup, moveGroup, removeAction, splitToOwnGroup } from "./action-group-edits";
import {
  addAction,
  addState,
  connectStates,
  findAction,
  newAction,
  removeState,
  renameState,
  setPositions,
  stateIdError,
  uniqueId,
} from "./definition-edits";
import { deleteSelection } from "./delete-selection";
import { ACTION_TYPES } from "@/server/workflows/model";

const base = () => defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });
const empty: WorkflowDefinition = { schemaVersion: 1, states: [], transitions: [] };

describe("adding elements", () => {
  it("creates schema-valid actions of every type", () => {
    for (const type of ACTION_TYPES) {
      const def = { ...empty, states: [{ id: "s", label: "S", kind: "initial" as const, actions: [[newAction(type, "a")]] }] };
      expect(workflowDefinitionSchema.safeParse(def).success, type).toBe(true);
    }
  });

  it("adds states with unique ids and labels", () => {
    let def = empty;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = addState(def, "state", { x: 10.4, y: 20.6 });
      def = r.def;
      ids.push(r.stateId);
    }
    expect(ids).toEqual(["state", "state_2", "state_3"]);
    expect(def.states.map((s) => s.label)).toEqual(["State", "State 2", "State 3"]);
    expect(def.states[0]?.position).toEqual({ x: 10, y: 21 });
  });

  it("gives a review state its approval step, which then asks for a timeout", () => {
    const { def, stateId } = addState(base(), "review", { x: 0, y: 0 });
    const state = def.states.find((s) => s.id === stateId);
    expect(state?.manualReview).toBe(true);
    expect(state?.actions[0]?.[0]?.type).toBe("require_approval");
    const codes = validateDefinition(def)
      .filter((p) => p.elementId === stateId || p.elementId === state?.actions[0]?.[0]?.id)
      .map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(["approval_without_timeout", "dead_end_state", "unreachable_state"]));
  });

  it("appends actions as a new sequential group", () => {
    const { def, actionId } = addAction(base(), "ready_to_ship", "notify");
    expect(def.states.find((s) => s.id === "ready_to_ship")?.actions).toHaveLength(1);
    expect(findAction(def, actionId)?.group).toBe(0);
  });

  it("connects states with an automatic transition after the existing exits", () => {
    const { def, transitionId } = connectStates(base(), "validation", "shipped");
    const t = def.transitions.find((x) => x.id === transitionId);
    expect(t).toMatchObject({ from: "validation", to: "shipped", trigger: { kind: "automatic" }, priority: 110 });
    expect(connectStates(def, "validation", "shipped").transitionId).toBe("t_validation_shipped_2");
  });

  it("uniqueId skips taken suffixes", () => expect(uniqueId("x", new Set(["x", "x_2"]))).toBe("x_3"));
});

describe("parallel groups", () => {
  it("joins an action to the previous group and splits it out again", () => {
    const start = base();
    const joined = joinPreviousGroup(start, "a_capture_payment");
    const processing = joined.states.find((s) => s.id === "processing");
    expect(processing?.actions.map((g) => g.map((a) => a.id))).toEqual([["a_authorize_payment", "a_reserve_inventory", "a_capture_payment"]]);
    const split = splitToOwnGroup(joined, "a_reserve_inventory");
    expect(split.states.find((s) => s.id === "processing")?.actions.map((g) => g.map((a) => a.id))).toEqual([
      ["a_authorize_payment", "a_capture_payment"],
      ["a_reserve_inventory"],
    ]);
    expect(workflowDefinitionSchema.safeParse(split).success).toBe(true);
  });

  it("moves groups and never leaves an empty group behind", () => {
    const moved = moveGroup(base(), "a_capture_payment", -1);
    expect(moved.states.find((s) => s.id === "processing")?.actions[0]?.map((a) => a.id)).toEqual(["a_capture_payment"]);
    const removed = removeAction(base(), "a_capture_payment");
    expect(removed.states.find((s) => s.id === "processing")?.actions).toHaveLength(1);
    expect(moveGroup(base(), "a_capture_payment", 1)).toEqual(base());
  });
});

describe("renaming and removing", () => {
  it("renames a state and every reference to it", () => {
    const def = renameState(base(), "payment_failed", "dunning");
    // (The notify template is also called "payment_failed"; only state references must change.)
    expect(JSON.stringify(def)).not.toMatch(/"(id|from|to|transitionTo)":"payment_failed"/);
    expect(def.transitions.find((t) => t.id === "t_payment_retry")?.from).toBe("dunning");
    expect(findAction(def, "a_authorize_payment")?.action.onFailure?.transitionTo).toBe("dunning");
    expect(validateDefinition(def)).toEqual(validateDefinition(base()));
  });

  it("rejects bad or taken ids", () => {
    expect(stateIdError(base(), "shipped", "Shipped!")).toMatch(/lowercase/);
    expect(stateIdError(base(), "shipped", "rejected")).toMatch(/already used/);
    expect(stateIdError(base(), "shipped", "shipped")).toBeNull();
  });

  it("removes a state with its transitions and lets validation flag dangling fallbacks", () => {
    const def = removeState(base(), "backordered");
    expect(def.transitions.some((t) => t.from === "backordered" || t.to === "backordered")).toBe(false);
    expect(validateDefinition(def).map((p) => p.code)).toContain("failure_unknown_target");
  });

  it("Delete on a dashed edge removes only that timeout or fallback", () => {
    const noTimeout = deleteSelection(base(), { kind: "timeout", stateId: "backordered" });
    expect(noTimeout.states.find((s) => s.id === "backordered")).not.toHaveProperty("timeout");
    expect(noTimeout.states).toHaveLength(base().states.length);
    const noFallback = deleteSelection(base(), { kind: "fallback", actionId: "a_reserve_inventory" });
    expect(findAction(noFallback, "a_reserve_inventory")?.action).not.toHaveProperty("onFailure");
  });
});

describe("setPositions", () => {
  it("returns the same definition when nothing moved", () => {
    const def = base();
    expect(setPositions(def, { created: { x: 0.2, y: -0.3 } })).toBe(def);
    expect(setPositions(def, { created: { x: 15, y: 0 } }).states[0]?.position).toEqual({ x: 15, y: 0 });
  });
});
