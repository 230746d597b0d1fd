import { basename } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { FastifyRequest } from "fastify";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import { fieldIssuesFromAjv } from "../../platform/http.ts";
import { SpotCheckCreate } from "./schemas.ts";
import type { ScreenshotUpload } from "./service.ts";

// A spot check arrives as JSON (no screenshot) or as multipart/form-data: the same fields as text parts plus an
// optional `screenshot` file. Both are checked by the one schema, strictly, as the platform checks JSON bodies.

export const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;
const SCREENSHOT_FIELD = "screenshot";

const validate = addFormats(new Ajv({ allErrors: true, coerceTypes: false, strict: false })).compile(
  SpotCheckCreate,
);

/** The image type by its first bytes: the client's Content-Type and file name are not trusted. */
export function sniffImage(content: Buffer): "image/png" | "image/jpeg" | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (content.length >= 8 && png.every((b, i) => content[i] === b)) return "image/png";
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return "image/jpeg";
  return null;
}

function screenshotName(filename: string, mimeType: ScreenshotUpload["mimeType"]): string {
  // Keep the last path segment, without control characters (they would end up in a Content-Disposition header).
  const name = [...basename(filename.replace(/\\/g, "/"))]
    .filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== "\u007f")
    .join("")
    .slice(-200);
  return name || (mimeType === "image/png" ? "screenshot.png" : "screenshot.jpg");
}

export interface SpotCheckRequest {
  input: SpotCheckCreate;
  screenshot: ScreenshotUpload | null;
  /** Problems of the file, reported together with the service's own checks. */
  issues: FieldIssue[];
}

const tooLarge = () => {
  const limit = SCREENSHOT_MAX_BYTES / (1024 * 1024);
  return new AppError("FILE_TOO_LARGE", { limit }, [
    { field: SCREENSHOT_FIELD, code: "file_too_large", params: { limit } },
  ]);
};

async function readMultipart(
  req: FastifyRequest,
): Promise<{ fields: Record<string, unknown>; file: { filename: string; content: Buffer } | null }> {
  const fields: Record<string, unknown> = {};
  let file: { filename: string; content: Buffer } | null = null;
  const unknownFiles: string[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        const content = await part.toBuffer();
        if (part.fieldname !== SCREENSHOT_FIELD) unknownFiles.push(part.fieldname);
        // A form submitted without choosing a file sends an empty, nameless part: no screenshot.
        else if (content.length > 0 || part.filename) file = { filename: part.filename, content };
      } else {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    // More than one file part (the multipart plugin takes one file a request).
    if (code === "FST_FILES_LIMIT")
      throw validationError([{ field: SCREENSHOT_FIELD, code: "out_of_range" }]);
    throw err;
  }
  if (unknownFiles.length)
    throw validationError(unknownFiles.map((field) => ({ field, code: "unknown_field" as const })));
  return { fields, file };
}

/** Reads and checks the request: field problems → 400 VALIDATION naming the fields, a file over 5 MB → 413. */
export async function readSpotCheckRequest(req: FastifyRequest): Promise<SpotCheckRequest> {
  let body: unknown;
  let file: { filename: string; content: Buffer } | null = null;
  if (req.isMultipart()) {
    const parsed = await readMultipart(req);
    body = parsed.fields;
    file = parsed.file;
  } else {
    body = req.body;
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw validationError([{ field: "body", code: "type", params: { expected: "object" } }]);
  // PostgreSQL text cannot hold NUL; JSON bodies are checked by the platform, form fields here.
  const nul = Object.entries(body).find(([, v]) => typeof v === "string" && v.includes("\u0000"));
  if (nul) throw validationError([{ field: nul[0], code: "format" }]);
  if (!validate(body)) throw validationError(fieldIssuesFromAjv(validate.errors ?? []));

  const issues: FieldIssue[] = [];
  let screenshot: ScreenshotUpload | null = null;
  if (file) {
    if (file.content.length > SCREENSHOT_MAX_BYTES) throw tooLarge();
    const mimeType = sniffImage(file.content);
    if (!mimeType) issues.push({ field: SCREENSHOT_FIELD, code: "screenshot_type" });
    else screenshot = { filename: screenshotName(file.filename, mimeType), mimeType, content: file.content };
  }
  return { input: body as SpotCheckCreate, screenshot, issues };
}
