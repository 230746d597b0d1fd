import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { enterpriseScope, isoTime } from "./read.ts";
import type { Attachment } from "./schemas.ts";

// Small files kept in the database (table attachments): self-inspection reports, inspection photos, video
// screenshots (owner_type 'spot_check', stored by the video module), exemption evidence, evaluation evidence
// (assessment and CAP files, stored by the evaluations module). Their type is read from their first bytes, never from
// what the client claims.

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export type OwnerType = Attachment["ownerType"];

export const ALLOWED_MIME_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
] as const;

/** The type of a file from its magic bytes, or null when it is none of the accepted kinds. */
export function sniffMimeType(content: Buffer, filename: string): (typeof ALLOWED_MIME_TYPES)[number] | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && content.subarray(8, 12).toString("latin1") === "WEBP")
    return "image/webp";
  if (content.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  // XLSX is a ZIP; the name tells it from other ZIPs (a DOCX or a plain archive is refused).
  if (starts(0x50, 0x4b, 0x03, 0x04) && /\.xlsx$/i.test(filename))
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return null;
}

const ATTACHMENT_COLUMNS = `a.id, a.owner_type as "ownerType", a.owner_id as "ownerId", a.filename,
  a.mime_type as "mimeType", a.size_bytes as "sizeBytes", a.uploaded_by as "uploadedBy",
  u.display_name as "uploadedByName", ${isoTime("a.created_at")} as "createdAt"`;

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return (clean || "file").slice(0, 200);
}

/**
 * Stores one file for an owner (in the caller's transaction, audited). For other modules too: the video module
 * keeps its screenshots with ownerType 'spot_check'. Refuses files over 5 MB (ATTACHMENT_TOO_LARGE) and types
 * other than images, PDF and XLSX (ATTACHMENT_UNSUPPORTED); it does not check that the owner exists or that the
 * actor may attach to it — that is the caller's business.
 */
export async function storeAttachment(
  sql: Sql,
  actor: Actor | null,
  input: { ownerType: OwnerType; ownerId: string; filename: string; mimeType: string; content: Buffer },
): Promise<Attachment> {
  if (input.content.length > MAX_ATTACHMENT_BYTES)
    throw new AppError("ATTACHMENT_TOO_LARGE", { limit: MAX_ATTACHMENT_BYTES / (1024 * 1024) });
  if (input.content.length === 0) throw new AppError("ATTACHMENT_NO_FILE");
  if (!(ALLOWED_MIME_TYPES as readonly string[]).includes(input.mimeType))
    throw new AppError("ATTACHMENT_UNSUPPORTED");
  const filename = cleanFilename(input.filename);
  const [row] = await sql.query<{ id: string }>(
    `insert into attachments (owner_type, owner_id, filename, mime_type, size_bytes, content, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      input.ownerType,
      input.ownerId,
      filename,
      input.mimeType,
      input.content.length,
      input.content,
      actor?.userId ?? null,
    ],
  );
  const id = (row as { id: string }).id;
  await writeAudit(sql, actor, {
    action: "attachment.create",
    entityType: input.ownerType,
    entityId: input.ownerId,
    after: { attachmentId: id, filename, mimeType: input.mimeType, sizeBytes: input.content.length },
  });
  const [stored] = await sql.query<Attachment>(
    `select ${ATTACHMENT_COLUMNS} from attachments a left join users u on u.id = a.uploaded_by where a.id = $1`,
    [id],
  );
  return stored as Attachment;
}

/** Metadata of the files of a lot, of its inspections and of their defects, oldest first. */
export async function attachmentsOfLot(sql: Sql, lotId: string): Promise<Attachment[]> {
  return sql.query<Attachment>(
    `select ${ATTACHMENT_COLUMNS} from attachments a left join users u on u.id = a.uploaded_by
      where (a.owner_type = 'lot' and a.owner_id = $1)
         or (a.owner_type = 'inspection' and a.owner_id in (select id from inspections where lot_id = $1))
         or (a.owner_type = 'defect' and a.owner_id in (
               select d.id from inspection_defects d join inspections i on i.id = d.inspection_id
                where i.lot_id = $1))
      order by a.created_at, a.id`,
    [lotId],
  );
}

export interface UploadedFile {
  filename: string;
  content: Buffer;
  /** Form fields sent before the file. */
  fields: Record<string, string>;
}

/** Reads the one file of a multipart upload, at most 5 MB. */
export async function readAttachmentUpload(req: FastifyRequest): Promise<UploadedFile> {
  const limit = MAX_ATTACHMENT_BYTES / (1024 * 1024);
  const tooLarge = () =>
    new AppError("ATTACHMENT_TOO_LARGE", { limit }, [
      { field: "file", code: "file_too_large", params: { limit } },
    ]);
  let part: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") throw new AppError("ATTACHMENT_NO_FILE");
    throw err;
  }
  if (part?.fieldname !== "file") throw new AppError("ATTACHMENT_NO_FILE");
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw err;
  }
  if (part.file.truncated || content.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && v.type === "field" && typeof v.value === "string") fields[name] = v.value;
  }
  return { filename: part.filename, content, fields };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attaches an uploaded file to a lot, to one of its inspections (inspectionId) or to a defect of one of them
 * (defectId). The enterprise attaches to its own lot only (self-inspection reports), and only to the lot itself;
 * inspectors and the authority attach anywhere on the lot (photos).
 */
export async function attachToLot(
  db: Db,
  actor: Actor,
  lotId: string,
  upload: UploadedFile,
  target: { inspectionId?: string; defectId?: string },
): Promise<Attachment> {
  return db.tx(async (sql) => {
    const [lot] = await sql.query<{ enterpriseId: string }>(
      `select enterprise_id as "enterpriseId" from lots where id = $1`,
      [lotId],
    );
    const scope = enterpriseScope(actor);
    if (!lot || (scope && lot.enterpriseId !== scope)) throw new AppError("NOT_FOUND");
    let ownerType: OwnerType = "lot";
    let ownerId = lotId;
    for (const [field, id] of Object.entries(target)) {
      if (!id) continue;
      if (scope) throw validationError([{ field, code: "not_allowed" }]);
      if (!UUID.test(id)) throw validationError([{ field, code: "format" }]);
    }
    if (target.defectId) {
      const [found] = await sql.query(
        `select 1 from inspection_defects d join inspections i on i.id = d.inspection_id
          where d.id = $1 and i.lot_id = $2`,
        [target.defectId, lotId],
      );
      if (!found) throw validationError([{ field: "defectId", code: "not_of_lot" }]);
      ownerType = "defect";
      ownerId = target.defectId;
    } else if (target.inspectionId) {
      const [found] = await sql.query("select 1 from inspections where id = $1 and lot_id = $2", [
        target.inspectionId,
        lotId,
      ]);
      if (!found) throw validationError([{ field: "inspectionId", code: "not_of_lot" }]);
      ownerType = "inspection";
      ownerId = target.inspectionId;
    }
    const mimeType = sniffMimeType(upload.content, upload.filename);
    if (!mimeType) throw new AppError("ATTACHMENT_UNSUPPORTED");
    return storeAttachment(sql, actor, {
      ownerType,
      ownerId,
      filename: upload.filename,
      mimeType,
      content: upload.content,
    });
  });
}

const STAFF_OF_LOTS = new Set(["admin", "regulator", "inspector"]);
const AUTHORITY = new Set(["admin", "regulator"]);
/** Staff who read assessments (the evaluations module's ASSESSMENT_READERS less the enterprise). */
const EVALUATION_STAFF = new Set(["admin", "regulator", "inspector", "lab", "association"]);

/** Staff who see each kind of file besides its enterprise. */
const STAFF_BY_OWNER: Record<OwnerType, ReadonlySet<string>> = {
  lot: STAFF_OF_LOTS,
  inspection: STAFF_OF_LOTS,
  defect: STAFF_OF_LOTS,
  spot_check: STAFF_OF_LOTS,
  exemption: AUTHORITY,
  evaluation_assessment: EVALUATION_STAFF,
  evaluation_cap: EVALUATION_STAFF,
};

/** Evidence of an assessment (self-assessment files) or of a CAP item. */
export const EVALUATION_OWNER_TYPES: readonly OwnerType[] = ["evaluation_assessment", "evaluation_cap"];

export interface AttachmentFile {
  filename: string;
  mimeType: string;
  content: Buffer;
}

/**
 * One file with its content, if the actor may see it; otherwise NOT_FOUND, like a missing one:
 * lot / inspection / defect → the lot's enterprise, or admin, regulator, inspector;
 * spot_check → admin, regulator, inspector; exemption → its enterprise, or admin, regulator;
 * evaluation_assessment / evaluation_cap → the assessment's enterprise, or the staff who read assessments.
 * `ownerTypes` narrows what the route serves (a file of another kind is NOT_FOUND too).
 */
export async function readAttachment(
  sql: Sql,
  actor: Actor,
  id: string,
  ownerTypes?: readonly OwnerType[],
): Promise<AttachmentFile> {
  const [row] = await sql.query<{
    filename: string;
    mimeType: string;
    content: Uint8Array;
    ownerType: OwnerType;
    enterpriseId: string | null;
  }>(
    `select a.filename, a.mime_type as "mimeType", a.content, a.owner_type as "ownerType",
       case a.owner_type
         when 'lot' then (select enterprise_id from lots where id = a.owner_id)
         when 'inspection' then (select l.enterprise_id from inspections i join lots l on l.id = i.lot_id
                                  where i.id = a.owner_id)
         when 'defect' then (select l.enterprise_id from inspection_defects d join inspections i on i.id = d.inspection_id
                              join lots l on l.id = i.lot_id where d.id = a.owner_id)
         when 'exemption' then (select enterprise_id from exemption_applications where id = a.owner_id)
         when 'evaluation_assessment' then (select enterprise_id from evaluation_assessments where id = a.owner_id)
         when 'evaluation_cap' then (select enterprise_id from evaluation_cap_items where id = a.owner_id)
       end as "enterpriseId"
     from attachments a where a.id = $1`,
    [id],
  );
  if (!row || (ownerTypes && !ownerTypes.includes(row.ownerType))) throw new AppError("NOT_FOUND");
  const ownEnterprise =
    actor.role === "enterprise" && row.enterpriseId !== null && row.enterpriseId === actor.enterpriseId;
  // A spot check has no enterprise (enterpriseId null): staff only.
  if (!ownEnterprise && !STAFF_BY_OWNER[row.ownerType].has(actor.role)) throw new AppError("NOT_FOUND");
  return { filename: row.filename, mimeType: row.mimeType, content: Buffer.from(row.content) };
}

function contentDisposition(filename: string, inline: boolean): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Sends a file: images and PDFs open in the browser (the console shows photos) unless `download`; others download. */
export function sendAttachment(reply: FastifyReply, file: AttachmentFile, download = false): FastifyReply {
  const inline = !download && /^(image\/|application\/pdf$)/.test(file.mimeType);
  return reply
    .type(file.mimeType)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, max-age=3600")
    .header("content-disposition", contentDisposition(file.filename, inline))
    .send(file.content);
}
