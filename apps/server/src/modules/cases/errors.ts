import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the cases module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const CASE_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const CASE_FIELD_ERRORS = {} as const satisfies Record<string, Bilingual>;
