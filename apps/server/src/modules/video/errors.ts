import type { Bilingual } from "../../platform/i18n.ts";

// Error codes of the video module, merged into platform/errors.ts ERRORS / FIELD_ERRORS.

export const VIDEO_ERRORS = {} as const satisfies Record<string, Bilingual & { status: number }>;

export const VIDEO_FIELD_ERRORS = {
  stream_url_scheme: {
    zh: "视频流地址须以 rtsp://、rtsps://、http:// 或 https:// 开头（HLS 为 .m3u8 地址）",
    en: "Stream URLs start with rtsp://, rtsps://, http:// or https:// (an HLS playlist is a .m3u8 URL)",
  },
  video_unknown_enterprise: { zh: "企业不存在", en: "No such enterprise" },
  video_unknown_camera: { zh: "摄像头不存在或无权查看", en: "No such camera, or not yours to see" },
  camera_inactive: {
    zh: "该摄像头已停用，不能抽查",
    en: "This camera is deactivated; it cannot be spot-checked",
  },
  in_future: { zh: "不能晚于当前时间", en: "Cannot be in the future" },
  screenshot_type: {
    zh: "截图须为 PNG 或 JPEG 图片",
    en: "The screenshot must be a PNG or JPEG image",
  },
} as const satisfies Record<string, Bilingual>;
