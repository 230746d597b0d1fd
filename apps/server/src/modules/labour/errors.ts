import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the labour module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const LABOUR_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const LABOUR_FIELD_ERRORS = {} as const satisfies Record<string, Bilingual>;
