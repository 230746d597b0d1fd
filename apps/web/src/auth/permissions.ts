import type { Role, User } from "../api/types";

export const ROLES: readonly Role[] = ["admin", "regulator", "inspector", "lab", "association", "enterprise"];

export type Capability =
  | "imports"
  | "users"
  | "audit"
  | "createEnterprise"
  | "classes"
  | "classRules"
  | "lots"
  | "declare"
  | "tasks"
  | "privileges"
  | "video"
  | "indicators";

const CAPABILITIES: Record<Capability, readonly Role[]> = {
  /** Every exporter's class (an enterprise user sees its own through classesHome). */
  classes: ["admin", "regulator", "inspector"],
  classRules: ["admin", "regulator"],
  lots: ["admin", "regulator", "inspector", "enterprise"],
  declare: ["enterprise"],
  tasks: ["admin", "regulator", "inspector"],
  privileges: ["admin", "regulator", "inspector", "enterprise"],
  video: ["admin", "regulator", "inspector"],
  indicators: ["admin", "regulator", "inspector", "association", "enterprise"],
  imports: ["admin", "regulator", "association"],
  users: ["admin"],
  audit: ["admin", "regulator"],
  createEnterprise: ["admin", "regulator", "association"],
};

const EDITORS: readonly Role[] = ["admin", "regulator", "association"];

export function can(user: User | null, capability: Capability): boolean {
  return user !== null && CAPABILITIES[capability].includes(user.role);
}

/** Admin, regulator and association edit any enterprise; an enterprise user only its own. */
export function canEditEnterprise(user: User | null, enterpriseId: string): boolean {
  if (!user) return false;
  if (EDITORS.includes(user.role)) return true;
  return user.role === "enterprise" && user.enterpriseId === enterpriseId;
}

/** Where the Enterprises menu leads: enterprise users go straight to their own enterprise. */
export function enterprisesHome(user: User | null): string {
  if (user?.role === "enterprise" && user.enterpriseId) return `/console/enterprises/${user.enterpriseId}`;
  return "/console/enterprises";
}

/** Where the Classes menu leads: enterprise users see their own class page. */
export function classesHome(user: User | null): string {
  if (user?.role === "enterprise" && user.enterpriseId) return `/console/classes/${user.enterpriseId}`;
  return "/console/classes";
}
