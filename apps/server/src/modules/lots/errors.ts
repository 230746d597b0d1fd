import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the lots module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const LOT_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const LOT_FIELD_ERRORS = {} as const satisfies Record<string, Bilingual>;
