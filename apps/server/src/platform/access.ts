/** Roles of the platform. Every route declares which of them may call it (default deny). */
export const ROLES = ["admin", "regulator", "inspector", "lab", "association", "enterprise"] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = "public" | "authenticated" | readonly Role[];

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set only for enterprise users: the one enterprise they act for. */
  enterpriseId: string | null;
}

/** Staff roles that may read the whole registry. */
export const STAFF: readonly Role[] = ["admin", "regulator", "inspector", "lab", "association"];
export const REGISTRY_EDITORS: readonly Role[] = ["admin", "regulator", "association"];

export function allows(access: Access, actor: Actor | null): boolean {
  if (access === "public") return true;
  if (!actor) return false;
  if (access === "authenticated") return true;
  return access.includes(actor.role);
}
