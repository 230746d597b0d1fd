import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the video module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const VIDEO_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const VIDEO_FIELD_ERRORS = {} as const satisfies Record<string, Bilingual>;
