import type { Who } from "../../testing/access-expected.ts";

/** Routes of the video module → who may call them (checked by platform/access-matrix.test.ts). */
export const VIDEO_ACCESS: Record<string, Who> = {};
