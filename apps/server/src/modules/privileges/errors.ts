import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the privileges module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const PRIVILEGE_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const PRIVILEGE_FIELD_ERRORS = {} as const satisfies Record<string, Bilingual>;
