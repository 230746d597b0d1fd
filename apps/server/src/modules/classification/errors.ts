import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the classification module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const CLASSIFICATION_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const CLASSIFICATION_FIELD_ERRORS = {} as const satisfies Record<string, Bilingual>;
