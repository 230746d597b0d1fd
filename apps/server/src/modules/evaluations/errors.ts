import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the evaluations module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const EVALUATION_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const EVALUATION_FIELD_ERRORS = {} as const satisfies Record<string, Bilingual>;
