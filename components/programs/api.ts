/** Program API client and React Query keys (merchandiser editor, workbench, customer portal). */
import { fetchJson } from "@/components/ui/fetch-json";
import type { programRoutes } from "@/server/continuity/program-routes.schema";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";

/** The program API's answers, as its contracts declare them (server/continuity/program-routes.schema.ts). */
type Routes = typeof programRoutes;
export type ProgramSummary = ResponseOf<Routes["list"]>["programs"][number];
export type FlagView = ResponseOf<Routes["flags"]>["flags"][number];
export type CatalogItem = ResponseOf<Routes["products"]>["products"][number];
export type ProgramDetail = ResponseOf<Routes["detail"]>;
export type ProgramIssue = ResponseOf<Routes["save"]>["issues"][number];
export type PreviewRow = ResponseOf<Routes["preview"]>["rows"][number];
export type RetentionReport = ResponseOf<Routes["retention"]>;
export type PublicProgram = ResponseOf<Routes["portalList"]>["programs"][number];
export type MyEnrollment = ResponseOf<Routes["enrollments"]>["enrollments"][number];
export type EnrollmentTimeline = ResponseOf<Routes["timeline"]>;

export const programKeys = {
  all: ["programs"] as const,
  list: () => [...programKeys.all, "list"] as const,
  flags: () => [...programKeys.all, "flags"] as const,
  products: () => [...programKeys.all, "products"] as const,
  detail: (id: string) => [...programKeys.all, "detail", id] as const,
  retention: (id: string) => [...programKeys.all, "retention", id] as const,
  portal: () => ["portal-programs"] as const,
  portalProgram: (id: string) => ["portal-programs", "program", id] as const,
  enrollments: () => ["portal-programs", "enrollments"] as const,
  timeline: (subscriptionId: string) => ["portal-programs", "timeline", subscriptionId] as const,
};

const admin = "/api/v1/admin/programs";

export const programApi = {
  list: () => fetchJson<ResponseOf<Routes["list"]>>(admin),
  flags: () => fetchJson<ResponseOf<Routes["flags"]>>(`${admin}/flags`),
  products: () => fetchJson<ResponseOf<Routes["products"]>>(`${admin}/products`),
  createPhantom: (body: BodyOf<Routes["createPhantom"]>) =>
    fetchJson<ResponseOf<Routes["createPhantom"]>>(`${admin}/products`, { method: "POST", body }),
  create: (body: BodyOf<Routes["create"]>) => fetchJson<ResponseOf<Routes["create"]>>(admin, { method: "POST", body }),
  detail: (id: string) => fetchJson<ResponseOf<Routes["detail"]>>(`${admin}/${id}`),
  save: (id: string, body: BodyOf<Routes["save"]>) => fetchJson<ResponseOf<Routes["save"]>>(`${admin}/${id}`, { method: "PUT", body }),
  activate: (id: string) => fetchJson<ResponseOf<Routes["activate"]>>(`${admin}/${id}/activate`, { method: "POST" }),
  duplicate: (id: string, body: BodyOf<Routes["duplicate"]>) =>
    fetchJson<ResponseOf<Routes["duplicate"]>>(`${admin}/${id}/duplicate`, { method: "POST", body }),
  preview: (id: string, body: BodyOf<Routes["preview"]>) =>
    fetchJson<ResponseOf<Routes["preview"]>>(`${admin}/${id}/preview`, { method: "POST", body }),
  retention: (id: string) => fetchJson<ResponseOf<Routes["retention"]>>(`${admin}/${id}/retention`),
};

const portal = "/api/v1/programs";

export const portalApi = {
  list: () => fetchJson<ResponseOf<Routes["portalList"]>>(portal),
  program: (id: string) => fetchJson<ResponseOf<Routes["portalProgram"]>>(`${portal}/${id}`),
  join: (id: string) => fetchJson<ResponseOf<Routes["join"]>>(`${portal}/${id}/join`, { method: "POST" }),
  enrollments: () => fetchJson<ResponseOf<Routes["enrollments"]>>(`${portal}/enrollments`),
  timeline: (subscriptionId: string) => fetchJson<ResponseOf<Routes["timeline"]>>(`${portal}/enrollments/${subscriptionId}`),
  optOut: (subscriptionId: string, shipmentIndex: number, out: boolean) =>
    fetchJson<ResponseOf<Routes["optOut"]>>(`${portal}/enrollments/${subscriptionId}/opt-outs`, {
      method: out ? "POST" : "DELETE",
      body: { shipmentIndex },
    }),
  cancel: (subscriptionId: string) => fetchJson<ResponseOf<Routes["cancel"]>>(`${portal}/enrollments/${subscriptionId}/cancel`, { method: "POST" }),
};
