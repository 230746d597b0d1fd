// Shapes of the video API (apps/server/src/modules/video/schemas.ts) as the console uses them.

export type SpotCheckResult = "ok" | "issue";

export interface Camera {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  name: string;
  location: string;
  /** Masked (rtsp://user:***@host…) in lists; in full from GET /api/v1/cameras/:id. */
  streamUrl: string;
  streamUrlMasked: boolean;
  active: boolean;
  createdAt: string;
  lastCheckedAt: string | null;
  lastResult: SpotCheckResult | null;
  spotChecks: number;
}

export interface CameraInput {
  enterpriseId?: string;
  name: string;
  location: string;
  streamUrl: string;
}

export interface SpotCheck {
  id: string;
  cameraId: string;
  cameraName: string;
  cameraLocation: string;
  enterpriseId: string;
  enterpriseName: string;
  inspectorId: string | null;
  inspectorName: string | null;
  checkedAt: string;
  result: SpotCheckResult;
  findings: string;
  screenshot: { id: string; filename: string; mimeType: string; sizeBytes: number } | null;
  createdAt: string;
}

export const FINDINGS_MAX = 2000;
export const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;
export const SCREENSHOT_TYPES = ["image/png", "image/jpeg"];

/** Where a stored attachment (a spot check's screenshot) is served. */
export const attachmentUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}`;
