import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import { storeScreenshot } from "./attachments.ts";
import type {
  Camera,
  CameraCreate,
  CameraListQuery,
  CameraPatch,
  SpotCheck,
  SpotCheckCreate,
  SpotCheckListQuery,
} from "./schemas.ts";
import { checkStreamUrl, maskStreamUrl } from "./stream-url.ts";

// Camera register and remote spot checks. Enterprise users see and register their own cameras only (another
// enterprise's camera is not found); staff see all. Stream URLs may carry credentials: lists always show them
// masked, and the full URL is only ever sent to staff and to the owning enterprise (GET /cameras/:id).

const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Clock skew allowed between the inspector's machine and the server before a time counts as future. */
const FUTURE_SKEW_MS = 60_000;

const enterpriseScope = (actor: Actor) => (actor.role === "enterprise" ? actor.enterpriseId : null);

type CameraRow = Omit<Camera, "streamUrlMasked">;

const CAMERA_COLUMNS = `c.id, c.enterprise_id as "enterpriseId", e.name as "enterpriseName", c.name, c.location,
  c.stream_url as "streamUrl", c.active, ${ISO("c.created_at")} as "createdAt",
  ${ISO("last.checked_at")} as "lastCheckedAt", last.result as "lastResult",
  (select count(*) from video_spot_checks n where n.camera_id = c.id)::int as "spotChecks"`;

const CAMERA_FROM = `cameras c join enterprises e on e.id = c.enterprise_id
  left join lateral (select v.checked_at, v.result from video_spot_checks v where v.camera_id = c.id
    order by v.checked_at desc limit 1) last on true`;

function view(row: CameraRow, full: boolean): Camera {
  const streamUrl = full ? row.streamUrl : maskStreamUrl(row.streamUrl);
  return { ...row, streamUrl, streamUrlMasked: streamUrl !== row.streamUrl };
}

/** What the audit log keeps of a camera: never the credentials, but whether they changed. */
function auditView(row: CameraRow): Record<string, unknown> {
  return {
    enterpriseId: row.enterpriseId,
    name: row.name,
    location: row.location,
    streamUrl: maskStreamUrl(row.streamUrl),
    active: row.active,
  };
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listCameras(db: Db, actor: Actor, q: CameraListQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  const own = enterpriseScope(actor);
  if (own) add((p) => `c.enterprise_id = ${p}`, own);
  if (q.enterpriseId) add((p) => `c.enterprise_id = ${p}`, q.enterpriseId);
  if (q.active !== undefined) add((p) => `c.active = ${p}`, q.active);
  if (q.q?.trim())
    add((p) => `(c.name ilike ${p} or c.location ilike ${p} or e.name ilike ${p})`, likePattern(q.q.trim()));
  const filter = where.length ? `where ${where.join(" and ")}` : "";
  const [count] = await db.query<{ n: number }>(
    `select count(*)::int as n from cameras c join enterprises e on e.id = c.enterprise_id ${filter}`,
    params,
  );
  const rows = await db.query<CameraRow>(
    `select ${CAMERA_COLUMNS} from ${CAMERA_FROM} ${filter}
     order by e.name, c.active desc, c.name, c.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { items: rows.map((r) => view(r, false)), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function loadCamera(sql: Sql, actor: Actor, id: string, lock = false): Promise<CameraRow> {
  if (lock) await sql.query("select 1 from cameras where id = $1 for update", [id]);
  const [row] = await sql.query<CameraRow>(`select ${CAMERA_COLUMNS} from ${CAMERA_FROM} where c.id = $1`, [
    id,
  ]);
  const own = enterpriseScope(actor);
  if (!row || (own && row.enterpriseId !== own)) throw new AppError("NOT_FOUND");
  return row;
}

/** One camera with its full stream URL: staff and the owning enterprise only (others get 404 from the scope). */
export async function getCamera(db: Db, actor: Actor, id: string): Promise<Camera> {
  return view(await loadCamera(db, actor, id), true);
}

function textIssues(values: Record<string, string | undefined>): FieldIssue[] {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v.trim() === "")
    .map(([field]) => ({ field, code: "required" }));
}

function streamUrlIssues(streamUrl: string | undefined): FieldIssue[] {
  if (streamUrl === undefined) return [];
  const problem = checkStreamUrl(streamUrl);
  return problem ? [{ field: "streamUrl", code: problem }] : [];
}

export async function createCamera(db: Db, actor: Actor, input: CameraCreate): Promise<Camera> {
  // Acting for another enterprise is refused before anything is looked up (so nothing about it is revealed).
  if (actor.role === "enterprise" && input.enterpriseId.toLowerCase() !== actor.enterpriseId)
    throw new AppError("FORBIDDEN");
  const issues = [
    ...textIssues({ name: input.name, location: input.location }),
    ...streamUrlIssues(input.streamUrl),
  ];
  const [enterprise] = await db.query("select 1 from enterprises where id = $1", [input.enterpriseId]);
  if (!enterprise) issues.push({ field: "enterpriseId", code: "video_unknown_enterprise" });
  if (issues.length) throw validationError(issues);
  return db.tx(async (sql) => {
    const [created] = await sql.query<{ id: string }>(
      `insert into cameras (enterprise_id, name, location, stream_url) values ($1, $2, $3, $4) returning id`,
      [input.enterpriseId, input.name.trim(), input.location.trim(), input.streamUrl.trim()],
    );
    const row = await loadCamera(sql, actor, created?.id ?? "");
    await writeAudit(sql, actor, {
      action: "camera.create",
      entityType: "camera",
      entityId: row.id,
      after: auditView(row),
    });
    return view(row, true);
  });
}

export async function updateCamera(db: Db, actor: Actor, id: string, patch: CameraPatch): Promise<Camera> {
  // Cameras are how the authority watches an exporter: switching one off or on is the authority's decision.
  if (actor.role === "enterprise" && patch.active !== undefined) throw new AppError("FORBIDDEN");
  const issues = [
    ...textIssues({ name: patch.name, location: patch.location }),
    ...streamUrlIssues(patch.streamUrl),
  ];
  if (issues.length) throw validationError(issues);
  return db.tx(async (sql) => {
    const before = await loadCamera(sql, actor, id, true);
    await sql.query(
      `update cameras set name = coalesce($2, name), location = coalesce($3, location),
         stream_url = coalesce($4, stream_url), active = coalesce($5, active)
       where id = $1`,
      [
        id,
        patch.name?.trim() ?? null,
        patch.location?.trim() ?? null,
        patch.streamUrl?.trim() ?? null,
        patch.active ?? null,
      ],
    );
    const after = await loadCamera(sql, actor, id);
    const diff = changedFields(auditView(before), auditView(after));
    const credentialsChanged =
      before.streamUrl !== after.streamUrl &&
      maskStreamUrl(before.streamUrl) === maskStreamUrl(after.streamUrl);
    if (diff || credentialsChanged) {
      await writeAudit(sql, actor, {
        action:
          after.active === before.active
            ? "camera.update"
            : after.active
              ? "camera.activate"
              : "camera.deactivate",
        entityType: "camera",
        entityId: id,
        before: diff?.before ?? {},
        after: { ...(diff?.after ?? {}), ...(credentialsChanged ? { credentialsChanged: true } : {}) },
      });
    }
    return view(after, true);
  });
}

// ——— Spot checks ———

const SPOT_CHECK_COLUMNS = `v.id, v.camera_id as "cameraId", c.name as "cameraName", c.location as "cameraLocation",
  v.enterprise_id as "enterpriseId", e.name as "enterpriseName", v.inspector_id as "inspectorId",
  u.display_name as "inspectorName", ${ISO("v.checked_at")} as "checkedAt", v.result, v.findings,
  (select json_build_object('id', a.id, 'filename', a.filename, 'mimeType', a.mime_type, 'sizeBytes', a.size_bytes)
     from attachments a where a.owner_type = 'spot_check' and a.owner_id = v.id
     order by a.created_at desc limit 1) as screenshot,
  ${ISO("v.created_at")} as "createdAt"`;

const SPOT_CHECK_FROM = `video_spot_checks v join cameras c on c.id = v.camera_id
  join enterprises e on e.id = v.enterprise_id left join users u on u.id = v.inspector_id`;

/** The instant a China Standard Time day (plus `days`) begins, as ISO text. */
function chinaMidnight(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + days * 86_400_000).toISOString();
}

export async function listSpotChecks(db: Db, actor: Actor, q: SpotCheckListQuery) {
  if (q.from && q.to && q.from > q.to) throw validationError([{ field: "to", code: "date_order" }]);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  const own = enterpriseScope(actor);
  if (own) add((p) => `v.enterprise_id = ${p}`, own);
  if (q.enterpriseId) add((p) => `v.enterprise_id = ${p}`, q.enterpriseId);
  if (q.cameraId) add((p) => `v.camera_id = ${p}`, q.cameraId);
  if (q.result) add((p) => `v.result = ${p}`, q.result);
  // Days are the cluster's calendar days (China Standard Time, UTC+8).
  if (q.from) add((p) => `v.checked_at >= ${p}::timestamptz`, chinaMidnight(q.from, 0));
  if (q.to) add((p) => `v.checked_at < ${p}::timestamptz`, chinaMidnight(q.to, 1));
  const filter = where.length ? `where ${where.join(" and ")}` : "";
  const [count] = await db.query<{ n: number }>(
    `select count(*)::int as n from video_spot_checks v ${filter}`,
    params,
  );
  const items = await db.query<SpotCheck>(
    `select ${SPOT_CHECK_COLUMNS} from ${SPOT_CHECK_FROM} ${filter}
     order by v.checked_at desc, v.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export interface ScreenshotUpload {
  filename: string;
  mimeType: "image/png" | "image/jpeg";
  content: Buffer;
}

export async function createSpotCheck(
  db: Db,
  actor: Actor,
  input: SpotCheckCreate,
  screenshot: ScreenshotUpload | null,
  earlierIssues: FieldIssue[] = [],
  now: Date = new Date(),
): Promise<SpotCheck> {
  const issues = [...earlierIssues];
  const checkedAt = new Date(input.checkedAt);
  if (Number.isNaN(checkedAt.getTime())) issues.push({ field: "checkedAt", code: "format" });
  else if (checkedAt.getTime() > now.getTime() + FUTURE_SKEW_MS)
    issues.push({ field: "checkedAt", code: "in_future" });
  if (input.findings.trim() === "") issues.push({ field: "findings", code: "required" });
  const [camera] = await db.query<{ enterpriseId: string; active: boolean }>(
    `select enterprise_id as "enterpriseId", active from cameras where id = $1`,
    [input.cameraId],
  );
  if (!camera) issues.push({ field: "cameraId", code: "video_unknown_camera" });
  else if (!camera.active) issues.push({ field: "cameraId", code: "camera_inactive" });
  if (issues.length || !camera) throw validationError(issues);

  return db.tx(async (sql) => {
    const [created] = await sql.query<{ id: string }>(
      `insert into video_spot_checks (camera_id, enterprise_id, inspector_id, checked_at, result, findings)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [
        input.cameraId,
        camera.enterpriseId,
        actor.userId,
        checkedAt.toISOString(),
        input.result,
        input.findings.trim(),
      ],
    );
    const id = created?.id ?? "";
    const stored = screenshot
      ? await storeScreenshot(sql, actor, { ownerType: "spot_check", ownerId: id, ...screenshot })
      : null;
    const [row] = await sql.query<SpotCheck>(
      `select ${SPOT_CHECK_COLUMNS} from ${SPOT_CHECK_FROM} where v.id = $1`,
      [id],
    );
    if (!row) throw new Error("spot check not stored");
    await writeAudit(sql, actor, {
      action: "spot_check.create",
      entityType: "spot_check",
      entityId: id,
      after: {
        cameraId: row.cameraId,
        enterpriseId: row.enterpriseId,
        checkedAt: row.checkedAt,
        result: row.result,
        findings: row.findings,
        screenshot: stored ? { id: stored.id, filename: stored.filename, sizeBytes: stored.sizeBytes } : null,
      },
    });
    return row;
  });
}
