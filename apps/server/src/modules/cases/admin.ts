import { validateCalendarYear } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { forgetCalendar, loadCalendarYears } from "./calendar.ts";
import { loadStoredMailSettings, mailConfig, smtpFromEnv } from "./mailer.ts";
import type {
  CalendarYearBody,
  CategoryBody,
  CategoryPut,
  DepartmentBody,
  MailSettingsBody,
} from "./schemas.ts";

// Administration of the loop: departments and their members, categories with routing and service levels, the
// working-day calendar, the SMTP settings. All of it data an administrator edits; every change is audited.

const DEPARTMENT_COLUMNS = `d.id, d.code, d.name_zh as "nameZh", d.name_en as "nameEn", d.email, d.active,
  d.sort_order as "sortOrder",
  coalesce((select json_agg(json_build_object('id', u.id, 'username', u.username, 'displayName', u.display_name)
                            order by u.username)
              from user_departments ud join users u on u.id = ud.user_id where ud.department_id = d.id), '[]') as members`;

export function listDepartments(db: Db) {
  return db.query(`select ${DEPARTMENT_COLUMNS} from departments d order by d.sort_order, d.code`);
}

async function getDepartment(db: Db, id: string) {
  const [row] = await db.query<Record<string, unknown>>(
    `select ${DEPARTMENT_COLUMNS} from departments d where d.id = $1`,
    [id],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === "23505";

export async function createDepartment(db: Db, actor: Actor, body: DepartmentBody) {
  try {
    const id = await db.tx(async (sql) => {
      const [row] = await sql.query<{ id: string }>(
        `insert into departments (code, name_zh, name_en, email, active, sort_order)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [body.code, body.nameZh, body.nameEn, body.email ?? null, body.active ?? true, body.sortOrder ?? 0],
      );
      const created = row as { id: string };
      await writeAudit(sql, actor, {
        action: "department.create",
        entityType: "department",
        entityId: created.id,
        after: body,
      });
      return created.id;
    });
    return getDepartment(db, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("DEPARTMENT_CODE_TAKEN", { code: body.code });
    throw err;
  }
}

export async function updateDepartment(db: Db, actor: Actor, id: string, patch: Partial<DepartmentBody>) {
  const before = await getDepartment(db, id);
  const cols: Record<keyof DepartmentBody, string> = {
    code: "code",
    nameZh: "name_zh",
    nameEn: "name_en",
    email: "email",
    active: "active",
    sortOrder: "sort_order",
  };
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [k, v] of Object.entries(patch) as [keyof DepartmentBody, unknown][]) {
    params.push(v ?? null);
    sets.push(`${cols[k]} = $${params.length}`);
  }
  try {
    await db.tx(async (sql) => {
      await sql.query(`update departments set ${sets.join(", ")}, updated_at = now() where id = $1`, params);
      const { members: _m, ...b } = before;
      const diff = changedFields(b, { ...b, ...patch });
      if (diff)
        await writeAudit(sql, actor, {
          action: "department.update",
          entityType: "department",
          entityId: id,
          ...diff,
        });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("DEPARTMENT_CODE_TAKEN", { code: String(patch.code) });
    throw err;
  }
  return getDepartment(db, id);
}

export async function setDepartmentMembers(db: Db, actor: Actor, id: string, userIds: string[]) {
  await getDepartment(db, id);
  const unique = [...new Set(userIds)];
  const staff = await db.query<{ id: string }>(
    "select id from users where id = any($1::uuid[]) and role <> 'enterprise'",
    [unique],
  );
  const known = new Set(staff.map((s) => s.id));
  const unknown = unique.map((u, i) => ({ u, i })).filter(({ u }) => !known.has(u));
  if (unknown.length > 0)
    throw validationError(unknown.map(({ i }) => ({ field: `userIds[${i}]`, code: "case_user_unknown" })));
  await db.tx(async (sql) => {
    await sql.query("delete from user_departments where department_id = $1", [id]);
    await sql.query(
      "insert into user_departments (user_id, department_id) select u, $1 from unnest($2::uuid[]) as u",
      [id, unique],
    );
    await writeAudit(sql, actor, {
      action: "department.members",
      entityType: "department",
      entityId: id,
      after: { userIds: unique },
    });
  });
  return getDepartment(db, id);
}

const CATEGORY_COLUMNS = `c.code, c.name_zh as "nameZh", c.name_en as "nameEn", c.department_id as "departmentId",
  d.name_zh as "departmentName", c.acknowledge_days as "acknowledgeDays", c.first_answer_days as "firstAnswerDays",
  c.resolve_days as "resolveDays", c.active, c.sort_order as "sortOrder"`;

export function listCategories(db: Db, activeOnly: boolean) {
  return db.query(
    `select ${CATEGORY_COLUMNS} from case_categories c left join departments d on d.id = c.department_id
      ${activeOnly ? "where c.active" : ""} order by c.sort_order, c.code`,
  );
}

async function checkCategory(db: Db, body: CategoryPut) {
  const issues = [];
  if (body.departmentId) {
    const [d] = await db.query("select 1 from departments where id = $1", [body.departmentId]);
    if (!d) issues.push({ field: "departmentId", code: "case_department_unknown" as const });
  }
  if (body.firstAnswerDays < body.acknowledgeDays)
    issues.push({ field: "firstAnswerDays", code: "case_sla_order" as const });
  if (body.resolveDays < body.firstAnswerDays)
    issues.push({ field: "resolveDays", code: "case_sla_order" as const });
  if (issues.length > 0) throw validationError(issues);
}

async function getCategory(db: Db, code: string) {
  const [row] = await db.query<Record<string, unknown>>(
    `select ${CATEGORY_COLUMNS} from case_categories c left join departments d on d.id = c.department_id
      where c.code = $1`,
    [code],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function createCategory(db: Db, actor: Actor, body: CategoryBody) {
  await checkCategory(db, body);
  try {
    await db.tx(async (sql) => {
      await sql.query(
        `insert into case_categories (code, name_zh, name_en, department_id, acknowledge_days, first_answer_days,
                                      resolve_days, active, sort_order)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          body.code,
          body.nameZh,
          body.nameEn,
          body.departmentId,
          body.acknowledgeDays,
          body.firstAnswerDays,
          body.resolveDays,
          body.active ?? true,
          body.sortOrder ?? 0,
        ],
      );
      await writeAudit(sql, actor, {
        action: "case-category.create",
        entityType: "case_category",
        entityId: body.code,
        after: body,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CASE_CATEGORY_TAKEN", { code: body.code });
    throw err;
  }
  return getCategory(db, body.code);
}

export async function updateCategory(db: Db, actor: Actor, code: string, body: CategoryPut) {
  const before = await getCategory(db, code);
  await checkCategory(db, body);
  await db.tx(async (sql) => {
    await sql.query(
      `update case_categories set name_zh = $2, name_en = $3, department_id = $4, acknowledge_days = $5,
              first_answer_days = $6, resolve_days = $7, active = coalesce($8, active),
              sort_order = coalesce($9, sort_order), updated_at = now()
        where code = $1`,
      [
        code,
        body.nameZh,
        body.nameEn,
        body.departmentId,
        body.acknowledgeDays,
        body.firstAnswerDays,
        body.resolveDays,
        body.active ?? null,
        body.sortOrder ?? null,
      ],
    );
    const diff = changedFields(before, { ...before, ...body });
    if (diff)
      await writeAudit(sql, actor, {
        action: "case-category.update",
        entityType: "case_category",
        entityId: code,
        ...diff,
      });
  });
  return getCategory(db, code);
}

export const listCalendarYears = (db: Db) => loadCalendarYears(db);

/** Replace one year's holidays and make-up days; every date checked by the rules (validateCalendarYear). */
export async function putCalendarYear(db: Db, actor: Actor, year: number, body: CalendarYearBody) {
  const issues = validateCalendarYear({ year, ...body });
  if (issues.length > 0)
    throw validationError(
      issues.map((i) => ({ field: i.path, code: "case_calendar_date", params: { detail: i.message } })),
    );
  const holidays = [...new Set(body.holidays)].sort();
  const makeUp = [...new Set(body.makeUpWorkdays)].sort();
  await db.tx(async (sql) => {
    const [before] = await sql.query(
      "select holidays, make_up_workdays from work_calendar_years where year = $1",
      [year],
    );
    await sql.query(
      `insert into work_calendar_years (year, holidays, make_up_workdays, verified, source)
       values ($1, $2::jsonb, $3::jsonb, $4, $5)
       on conflict (year) do update set holidays = excluded.holidays, make_up_workdays = excluded.make_up_workdays,
         verified = excluded.verified, source = excluded.source, updated_at = now()`,
      [year, JSON.stringify(holidays), JSON.stringify(makeUp), body.verified, body.source],
    );
    await writeAudit(sql, actor, {
      action: "work-calendar.put",
      entityType: "work_calendar_year",
      entityId: String(year),
      before: before ?? null,
      after: { holidays, makeUpWorkdays: makeUp, verified: body.verified, source: body.source },
    });
  });
  // Deadlines already stored keep their dates; new cases and reopenings use the new calendar.
  forgetCalendar(db);
  return { year, holidays, makeUpWorkdays: makeUp, verified: body.verified, source: body.source };
}

// ── SMTP settings ───────────────────────────────────────────────────────────────────────────────────────────

const MAIL_DEFAULTS = {
  mode: "environment",
  host: "",
  port: 465,
  secure: true,
  username: "",
  from: "",
} as const;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** What the console shows: the stored settings without the password, the environment's, and which is in force. */
export async function getMailSettings(db: Db, env: NodeJS.ProcessEnv = process.env) {
  const stored = await loadStoredMailSettings(db);
  const fromEnv = smtpFromEnv(env);
  const active = await mailConfig(db, env);
  const { password, ...visible } = stored ?? { ...MAIL_DEFAULTS, password: "" };
  return {
    ...visible,
    passwordSet: password !== "",
    environment: fromEnv
      ? {
          host: fromEnv.host,
          port: fromEnv.port,
          secure: fromEnv.secure,
          username: fromEnv.user,
          from: fromEnv.from,
        }
      : null,
    active: active
      ? { source: active.source, host: active.host, port: active.port, from: active.from }
      : null,
  };
}

/** Store the settings; a password left out keeps the stored one, an empty one clears it. */
export async function putMailSettings(db: Db, actor: Actor, body: MailSettingsBody) {
  const host = body.host.trim();
  const from = body.from.trim();
  const issues = [];
  if (body.mode === "console" && host === "") issues.push({ field: "host", code: "required" as const });
  if (body.mode === "console" && from === "") issues.push({ field: "from", code: "required" as const });
  else if (from !== "" && !ADDRESS.test(from)) issues.push({ field: "from", code: "format" as const });
  if (issues.length > 0) throw validationError(issues);
  await db.tx(async (sql) => {
    const before = await loadStoredMailSettings(sql);
    await sql.query(
      `insert into mail_settings (id, mode, host, port, secure, username, password, from_address, updated_by)
       values (1, $1, $2, $3, $4, $5, coalesce($6, ''), $7, $8)
       on conflict (id) do update set mode = excluded.mode, host = excluded.host, port = excluded.port,
         secure = excluded.secure, username = excluded.username,
         password = coalesce($6, mail_settings.password), from_address = excluded.from_address,
         updated_by = excluded.updated_by, updated_at = now()`,
      [
        body.mode,
        host,
        body.port,
        body.secure,
        body.username.trim(),
        body.password ?? null,
        from,
        actor.userId,
      ],
    );
    // The audit log never holds the password: only whether it changed.
    const { password: _old, ...b } = before ?? { ...MAIL_DEFAULTS, password: "" };
    const a = {
      mode: body.mode,
      host,
      port: body.port,
      secure: body.secure,
      username: body.username.trim(),
      from,
    };
    const diff = changedFields(b, a);
    await writeAudit(sql, actor, {
      action: "mail-settings.update",
      entityType: "mail_settings",
      entityId: null,
      before: diff?.before ?? {},
      after: { ...(diff?.after ?? {}), passwordChanged: body.password !== undefined },
    });
  });
  return getMailSettings(db);
}
