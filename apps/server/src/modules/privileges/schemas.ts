import { Type } from "@sinclair/typebox";
import type { Role } from "../../platform/access.ts";

// Who calls the privileges routes, and the small schemas they share.

/** The supervision authority: decides privileges and publishes lists. */
export const REGULATORS: readonly Role[] = ["admin", "regulator"];
/** The authority and inspectors: read privileges. */
export const INSPECTORS: readonly Role[] = ["admin", "regulator", "inspector"];
/** Exemption applications: the authority, inspectors, and the applying enterprise (its own only). */
export const EXEMPTION_READERS: readonly Role[] = ["admin", "regulator", "inspector", "enterprise"];
/** Who may file an exemption application: the enterprise for itself, the authority for anyone. */
export const EXEMPTION_FILERS: readonly Role[] = ["admin", "regulator", "enterprise"];

/** Why something was done: required, stored trimmed (blank text is refused by requiredText). */
export const Reason = Type.String({ minLength: 1, maxLength: 500 });

export const DateText = Type.String({ format: "date" });
