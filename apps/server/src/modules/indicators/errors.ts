import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the indicators module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const INDICATOR_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const INDICATOR_FIELD_ERRORS = {} as const satisfies Record<string, Bilingual>;
