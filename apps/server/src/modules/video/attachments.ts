import type { Actor } from "../../platform/access.ts";
import type { Sql } from "../../platform/db.ts";

// Stores a spot check's screenshot in `attachments` (owner_type 'spot_check'), the table the lots module serves
// at GET /api/v1/attachments/:id. The same insert as lots' storeAttachment, which also writes an audit entry per
// file; a spot check audits its screenshot inside its own entry, so it inserts directly. (Could become an option of
// storeAttachment.)

export interface NewAttachment {
  ownerType: "spot_check";
  ownerId: string;
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
}

export async function storeScreenshot(sql: Sql, actor: Actor, a: NewAttachment): Promise<StoredAttachment> {
  const [row] = await sql.query<StoredAttachment>(
    `insert into attachments (owner_type, owner_id, filename, mime_type, size_bytes, content, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7)
     returning id, filename, mime_type as "mimeType", size_bytes as "sizeBytes"`,
    [a.ownerType, a.ownerId, a.filename, a.mimeType, a.content.length, a.content, actor.userId],
  );
  if (!row) throw new Error("attachment not stored");
  return row;
}
