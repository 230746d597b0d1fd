// Types of the Jingwei HTTP API (see the API contract in docs); kept in one place for all pages.

export type Role = "admin" | "regulator" | "inspector" | "lab" | "association" | "enterprise";

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  /** not in the contract, but sent by the server; shown when present */
  enterpriseName?: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface AuthSession {
  user: User;
  csrfToken: string;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[] };
}

/** A page of a list whose endpoint reports only the total. */
export interface Paged<T> {
  items: T[];
  total: number;
}

export interface Page<T> extends Paged<T> {
  page: number;
  pageSize: number;
}

export interface ItemList<T> {
  items: T[];
}

export interface CodeName {
  code: string;
  name: string;
}

export interface EnterpriseSummary {
  id: string;
  uscc: string;
  name: string;
  town: string | null;
  townName: string | null;
  legalRepresentative: string | null;
  aboveScale: boolean;
  employees: number | null;
  foundedOn: string | null;
  exportFlag: boolean;
  mainProducts: string | null;
  isSynthetic: boolean;
  updatedAt: string;
}

export type BrandKind = "brand" | "trademark" | "famous_trademark";

export interface Brand {
  name: string;
  kind: BrandKind;
  registeredOn?: string | null;
}

export interface Certification {
  type: string;
  number?: string | null;
  issuer?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface Honour {
  title: string;
  /** honour type code (GET /api/v1/reference/honour-types); sent by the server though not in the contract */
  type?: string | null;
  level?: string | null;
  issuer?: string | null;
  recognisedOn?: string | null;
  documentNumber?: string | null;
}

export interface Contact {
  name: string;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface Enterprise extends EnterpriseSummary {
  usccIsDemo: boolean;
  formerNames: string[];
  aliases: string[];
  address: string | null;
  industryCode: string | null;
  brands: Brand[];
  certifications: Certification[];
  honours: Honour[];
  contacts: Contact[];
  createdAt: string;
}

/** Body of POST /api/v1/enterprises; PATCH takes any subset (arrays replace). */
export type EnterpriseInput = Omit<
  Enterprise,
  "id" | "createdAt" | "updatedAt" | "isSynthetic" | "usccIsDemo" | "townName"
>;

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface ExpiringCertification {
  enterpriseId: string;
  enterpriseName: string;
  type: string;
  validTo: string;
}

export interface DashboardSummary {
  enterprises: number;
  aboveScale: number;
  exporters: number;
  expiringCertifications: ExpiringCertification[];
}

export interface ClusterIndicator {
  year: number;
  indicatorKey: string;
  indicator: string;
  value: number;
  unit: string;
}

export interface PublicCluster {
  name: string;
  enterpriseCount: number;
  towns: { code: string; name: string; enterprises: number }[];
  indicators: ClusterIndicator[];
}

export type ImportJobStatus = "parsing" | "preview" | "committing" | "committed" | "failed" | "cancelled";
export type ImportRowStatus = "error" | "match" | "potential_match" | "new" | "unchanged";
export type ImportDecision = "confirm" | "reject";

export interface ImportSummary {
  total: number;
  error: number;
  match: number;
  potential_match: number;
  new: number;
  unchanged: number;
}

export interface ImportJob {
  id: string;
  filename: string;
  status: ImportJobStatus;
  progress: { done: number; total: number };
  summary: ImportSummary;
  error?: { code: string; message: string } | null;
  createdAt: string;
  createdBy: string;
}

export interface ImportCandidate {
  enterpriseId: string;
  name: string;
  uscc: string;
  score: number;
}

export interface ImportRow {
  rowNumber: number;
  status: ImportRowStatus;
  data: Record<string, string | null>;
  errors: FieldError[];
  candidates: ImportCandidate[];
  decision: ImportDecision | null;
  enterpriseId: string | null;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId?: string | null;
  password: string;
}
