import { z } from "zod";
import { ACTION_TYPES } from "./action-types";
import { conditionSchema } from "./condition.schema";
import { retryPolicySchema } from "./retry-policy";

export const STATE_KINDS = ["initial", "normal", "terminal"] as const;
export type StateKind = (typeof STATE_KINDS)[number];

export const MANUAL_ROLES = ["admin", "merchandiser"] as const;
export type ManualRole = (typeof MANUAL_ROLES)[number];

export const NOTIFY_CHANNELS = ["email", "in_app"] as const;

const id = z.string().min(1);

// References to other elements (transitionTo, from, to) are plain ids: dangling ones are
// reported by validateDefinition with the offending element, not rejected by parsing.
const onFailureSchema = z.strictObject({
  transitionTo: id,
  /** Undo steps run before leaving, e.g. release_inventory after a payment failure. */
  compensate: z.array(z.enum(ACTION_TYPES)).optional(),
});

const actionBase = { id, retry: retryPolicySchema, onFailure: onFailureSchema.optional() };
const noParams = z.strictObject({});

export const actionSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...actionBase, type: z.literal("authorize_payment"), params: noParams }),
  z.strictObject({ ...actionBase, type: z.literal("capture_payment"), params: noParams }),
  z.strictObject({ ...actionBase, type: z.literal("reserve_inventory"), params: noParams }),
  z.strictObject({ ...actionBase, type: z.literal("release_inventory"), params: noParams }),
  z.strictObject({ ...actionBase, type: z.literal("tax_customs_check"), params: noParams }),
  z.strictObject({
    ...actionBase,
    type: z.literal("webhook"),
    // Only the secret's *name* is stored; the runtime resolves it so definitions stay shareable.
    params: z.strictObject({ url: z.url({ protocol: /^https?$/ }), secretName: z.string().min(1) }),
  }),
  z.strictObject({
    ...actionBase,
    type: z.literal("notify"),
    params: z.strictObject({ template: z.string().min(1), channel: z.enum(NOTIFY_CHANNELS) }),
  }),
  z.strictObject({
    ...actionBase,
    type: z.literal("require_approval"),
    // Optional here so a missing timeout reaches validateDefinition as a located problem.
    params: z.strictObject({ approverRole: z.enum(MANUAL_ROLES), timeoutSeconds: z.int().positive().optional() }),
  }),
]);

/** Actions of one group run in parallel and are joined; groups run in sequence. */
export const actionGroupSchema = z.array(actionSchema).min(1);

export const stateSchema = z.strictObject({
  id,
  label: z.string().min(1),
  kind: z.enum(STATE_KINDS),
  position: z.strictObject({ x: z.number(), y: z.number() }).optional(),
  actions: z.array(actionGroupSchema),
  timeout: z.strictObject({ afterSeconds: z.int().positive(), transitionTo: id }).optional(),
  /** Orders here sit in the human review queue. */
  manualReview: z.boolean().optional(),
  /** SLA: orders here longer than this are flagged on the overlay and dashboard and alert admins once. */
  expectedWithinSeconds: z.int().positive().optional(),
});

export const triggerSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("automatic") }),
  z.strictObject({ kind: z.literal("event"), event: z.string().min(1) }),
  z.strictObject({ kind: z.literal("manual"), role: z.enum(MANUAL_ROLES) }),
]);

export const transitionSchema = z.strictObject({
  id,
  from: id,
  to: id,
  trigger: triggerSchema,
  guard: conditionSchema.optional(),
  /** Taken when no other transition for the same trigger matches; must not have a guard. */
  isDefault: z.boolean().optional(),
  /** Lower runs first; ties are broken by id so evaluation order is deterministic. */
  priority: z.int(),
});

export const workflowDefinitionSchema = z.strictObject({
  // Stored definitions outlive the code that wrote them; bump on breaking shape changes.
  schemaVersion: z.literal(1),
  states: z.array(stateSchema),
  transitions: z.array(transitionSchema),
});

export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type WorkflowState = z.infer<typeof stateSchema>;
export type WorkflowAction = z.infer<typeof actionSchema>;
export type ActionGroup = z.infer<typeof actionGroupSchema>;
export type Transition = z.infer<typeof transitionSchema>;
export type TransitionTrigger = z.infer<typeof triggerSchema>;
export type StatePosition = NonNullable<WorkflowState["position"]>;
