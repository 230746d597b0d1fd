// Types of the privileges API (apps/server/src/modules/privileges), used by the privileges pages only.

export type EnterpriseClass = "I" | "II" | "III" | "IV";

export interface GreenChannelEntry {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  greenChannel: boolean;
  since: string | null;
  reason: string | null;
  class: EnterpriseClass;
}

export interface GreenChannelCandidate {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  class: EnterpriseClass;
  lots: number;
  inspected: number;
  accepted: number;
  passRate: number | null;
}

export interface ProductCategoryOption {
  code: string;
  nameZh: string;
  nameEn: string;
  risk: "low" | "medium" | "high";
}

export type CriterionKey =
  | "officialPassRate"
  | "inspectedYears"
  | "selfInspectionPassRate"
  | "qualityObjections"
  | "penalties"
  | "enterpriseClass"
  | "qualityCertification";

export interface Criterion {
  key: CriterionKey;
  label: { zh: string; en: string };
  comparator: "gte" | "lte" | "in" | "includesAny";
  threshold: number | string[];
  unit: "percent" | "count" | "years" | "class" | "certifications";
  verified: boolean;
  reference: string;
  value: number | string | string[] | null;
  met: boolean;
  records: Record<string, unknown>;
}

export interface ExemptionEvidence {
  enterpriseId: string;
  enterpriseName: string;
  productCategory: ProductCategoryOption;
  evaluatedOn: string;
  windowFrom: string;
  windowTo: string;
  criteriaMet: boolean;
  criteria: Criterion[];
}

export type ExemptionStatus = "submitted" | "approved" | "rejected" | "revoked";

export interface ExemptionApplication {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  productCategory: string;
  productCategoryNameZh: string;
  productCategoryNameEn: string;
  status: ExemptionStatus;
  criteriaMet: boolean;
  statement: string | null;
  appliedByName: string | null;
  appliedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  overrideReason: string | null;
  validFrom: string | null;
  validTo: string | null;
  expired: boolean;
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface ExemptionDetail extends ExemptionApplication {
  evidence: ExemptionEvidence;
  decisionEvidence: ExemptionEvidence | null;
}

export interface DemonstrationTitle {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  honourType: string;
  honourTypeName: string;
  title: string;
  level: string | null;
  issuer: string | null;
  recognisedOn: string | null;
  documentNo: string | null;
}

/** The demonstration honour types the server awards (modules/privileges/demonstration.service.ts). */
export const DEMONSTRATION_HONOUR_TYPES = ["REGIONAL_DEMO", "EXPORT_QUALITY_DEMO"] as const;

export type ListKind = "good" | "bad";
export type ListEntryStatus = "draft" | "published" | "withdrawn";

export interface ListEntry {
  id: string;
  list: ListKind;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  title: string;
  reason: string;
  period: string;
  status: ListEntryStatus;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  publishedByName: string | null;
  publishedAt: string | null;
  withdrawnReason: string | null;
}

export interface ListSuggestion {
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  class: EnterpriseClass;
  inspected: number;
  accepted: number;
  rejected: number;
  passRate: number | null;
  reasons: ("passRate100" | "rejectedLots" | "classIV")[];
  listed: ListEntryStatus | null;
}

export interface PublicListEntry {
  list: ListKind;
  enterpriseName: string;
  title: string;
  reason: string;
  period: string;
  publishedOn: string;
}

export interface PublicListPage {
  items: PublicListEntry[];
  total: number;
  page: number;
  pageSize: number;
  periods: string[];
}
