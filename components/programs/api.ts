/** Program API client and React Query keys (merchandiser editor, workbench, customer portal). */
import { fetchJson } from "@/components/ui/fetch-json";
import type { EnrollmentTimeline } from "@/server/continuity/enrollment-timeline";
import type { FlagView } from "@/server/continuity/flag-missing-substitutions";
import type { CatalogItem, ProgramDetail, ProgramSummary } from "@/server/continuity/list-programs";
import type { MyEnrollment, PublicProgram } from "@/server/continuity/customer-programs";
import type { PreviewRow } from "@/server/continuity/preview-program";
import type { DraftDefinition, ProgramIssue } from "@/server/continuity/program-definition";
import type { RetentionReport } from "@/server/continuity/retention-report";
import type { Substitution } from "@/server/continuity/model";

export type {
  CatalogItem,
  EnrollmentTimeline,
  FlagView,
  MyEnrollment,
  PreviewRow,
  ProgramDetail,
  ProgramIssue,
  ProgramSummary,
  PublicProgram,
  RetentionReport,
};

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
  list: () => fetchJson<{ programs: ProgramSummary[] }>(admin),
  flags: () => fetchJson<{ flags: FlagView[] }>(`${admin}/flags`),
  products: () => fetchJson<{ products: CatalogItem[] }>(`${admin}/products`),
  createPhantom: (body: { name: string; sku: string }) => fetchJson<CatalogItem>(`${admin}/products`, { method: "POST", body }),
  create: (body: { name: string; sku: string; priceMinor: number; description?: string }) =>
    fetchJson<{ id: string }>(admin, { method: "POST", body }),
  detail: (id: string) => fetchJson<ProgramDetail>(`${admin}/${id}`),
  save: (id: string, body: { name: string; description: string; priceMinor: number; draft: DraftDefinition; substitutions: Substitution[] }) =>
    fetchJson<{ issues: ProgramIssue[] }>(`${admin}/${id}`, { method: "PUT", body }),
  activate: (id: string) => fetchJson<{ revision: number }>(`${admin}/${id}/activate`, { method: "POST" }),
  duplicate: (id: string, body: { name: string; sku: string }) => fetchJson<{ id: string }>(`${admin}/${id}/duplicate`, { method: "POST", body }),
  preview: (id: string, body: { draft: DraftDefinition; substitutions: Substitution[]; joinDate: string; versionId?: string; count: number }) =>
    fetchJson<{ issues: ProgramIssue[]; rows: PreviewRow[] }>(`${admin}/${id}/preview`, { method: "POST", body }),
  retention: (id: string) => fetchJson<RetentionReport>(`${admin}/${id}/retention`),
};

const portal = "/api/v1/programs";

export const portalApi = {
  list: () => fetchJson<{ programs: PublicProgram[] }>(portal),
  program: (id: string) =>
    fetchJson<{
      program: PublicProgram;
      joinDate: string;
      versionId: string;
      plannedShipments: number | null;
      preview: PreviewRow[];
      enrolledSubscriptionId: string | null;
    }>(`${portal}/${id}`),
  join: (id: string) => fetchJson<{ subscriptionId: string; orderIds: string[] }>(`${portal}/${id}/join`, { method: "POST" }),
  enrollments: () => fetchJson<{ enrollments: MyEnrollment[] }>(`${portal}/enrollments`),
  timeline: (subscriptionId: string) => fetchJson<EnrollmentTimeline>(`${portal}/enrollments/${subscriptionId}`),
  optOut: (subscriptionId: string, shipmentIndex: number, out: boolean) =>
    fetchJson<{ ok: true }>(`${portal}/enrollments/${subscriptionId}/opt-outs`, { method: out ? "POST" : "DELETE", body: { shipmentIndex } }),
  cancel: (subscriptionId: string) => fetchJson<{ settlement: unknown }>(`${portal}/enrollments/${subscriptionId}/cancel`, { method: "POST" }),
};
