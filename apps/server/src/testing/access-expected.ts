import type { Role } from "../platform/access.ts";

// Building blocks of the hand-written access table (platform/access-matrix.test.ts and modules/*/access.expected.ts).

export type Who = "public" | "authenticated" | readonly Role[];

export const ALL_ROLES: readonly Role[] = [
  "admin",
  "regulator",
  "inspector",
  "lab",
  "association",
  "enterprise",
];
export const ADMIN: readonly Role[] = ["admin"];
export const AUDITORS: readonly Role[] = ["admin", "regulator"];
export const EDITORS: readonly Role[] = ["admin", "regulator", "association"];
export const EDITORS_AND_OWNER: readonly Role[] = ["admin", "regulator", "association", "enterprise"];
/** Regulators and administrators: the supervision authority. */
export const REGULATORS: readonly Role[] = ["admin", "regulator"];
/** Everyone who works lots: the authority, inspectors, and the declaring enterprise (scoped to its own). */
export const LOT_READERS: readonly Role[] = ["admin", "regulator", "inspector", "enterprise"];
export const INSPECTORS: readonly Role[] = ["admin", "regulator", "inspector"];
export const STAFF: readonly Role[] = ["admin", "regulator", "inspector", "lab", "association"];
