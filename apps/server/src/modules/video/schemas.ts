import { type Static, Type } from "@sinclair/typebox";
import { Nullable, Paging } from "../../platform/schemas.ts";

export const FINDINGS_MAX = 2000;

export const Camera = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  name: Type.String(),
  location: Type.String(),
  /** Masked in lists (rtsp://user:***@host…); in full only from GET /cameras/:id to staff and the owner. */
  streamUrl: Type.String(),
  /** Whether streamUrl is the masked form. */
  streamUrlMasked: Type.Boolean(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  lastCheckedAt: Nullable(Type.String()),
  lastResult: Nullable(Type.Union([Type.Literal("ok"), Type.Literal("issue")])),
  spotChecks: Type.Integer(),
});
export type Camera = Static<typeof Camera>;

const Name = Type.String({ minLength: 1, maxLength: 100 });
const Location = Type.String({ minLength: 1, maxLength: 200 });
const StreamUrl = Type.String({ minLength: 1, maxLength: 2000 });

export const CameraCreate = Type.Object(
  {
    enterpriseId: Type.String({ format: "uuid" }),
    name: Name,
    location: Location,
    streamUrl: StreamUrl,
  },
  { additionalProperties: false },
);
export type CameraCreate = Static<typeof CameraCreate>;

export const CameraPatch = Type.Object(
  {
    name: Type.Optional(Name),
    location: Type.Optional(Location),
    streamUrl: Type.Optional(StreamUrl),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CameraPatch = Static<typeof CameraPatch>;

export const CameraListQuery = Type.Composite(
  [
    Type.Object({
      enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
      q: Type.Optional(Type.String({ maxLength: 60 })),
      active: Type.Optional(Type.Boolean()),
    }),
    Paging,
  ],
  { additionalProperties: false },
);
export type CameraListQuery = Static<typeof CameraListQuery>;

export const SpotCheckResult = Type.Union([Type.Literal("ok"), Type.Literal("issue")]);

/** The fields of a spot check, as JSON or as the text fields of a multipart form (with a `screenshot` file). */
export const SpotCheckCreate = Type.Object(
  {
    cameraId: Type.String({ format: "uuid" }),
    checkedAt: Type.String({ format: "date-time" }),
    result: SpotCheckResult,
    findings: Type.String({ minLength: 1, maxLength: FINDINGS_MAX }),
  },
  { additionalProperties: false },
);
export type SpotCheckCreate = Static<typeof SpotCheckCreate>;

export const Screenshot = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
});

export const SpotCheck = Type.Object({
  id: Type.String(),
  cameraId: Type.String(),
  cameraName: Type.String(),
  cameraLocation: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  inspectorId: Nullable(Type.String()),
  inspectorName: Nullable(Type.String()),
  checkedAt: Type.String(),
  result: SpotCheckResult,
  findings: Type.String(),
  /** Download with GET /api/v1/attachments/{id}. */
  screenshot: Nullable(Screenshot),
  createdAt: Type.String(),
});
export type SpotCheck = Static<typeof SpotCheck>;

export const SpotCheckListQuery = Type.Composite(
  [
    Type.Object({
      enterpriseId: Type.Optional(Type.String({ format: "uuid" })),
      cameraId: Type.Optional(Type.String({ format: "uuid" })),
      result: Type.Optional(SpotCheckResult),
      /** Checked on or after this day (China time). */
      from: Type.Optional(Type.String({ format: "date" })),
      /** Checked on or before this day (China time). */
      to: Type.Optional(Type.String({ format: "date" })),
    }),
    Paging,
  ],
  { additionalProperties: false },
);
export type SpotCheckListQuery = Static<typeof SpotCheckListQuery>;
