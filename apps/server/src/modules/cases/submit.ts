import { createHash, randomBytes } from "node:crypto";
import {
  ABUSE_REVIEW_THRESHOLD,
  caseDeadlines,
  formatTrackingNumber,
  generateTrackingNumber,
  SUBMISSION_TEXT_RULES,
  type SubmissionIssue,
  shanghaiDate,
  TRACKING_RANDOM_BYTES,
  validatePublicSubmission,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import { workCalendar } from "./calendar.ts";
import type { Channel } from "./schemas.ts";

// Intake: every channel ends here. A submission that got a tracking number is committed before the answer is
// sent, and an Idempotency-Key makes a retried submission return the same number instead of a second case
// (the unique index decides, also between concurrent requests).

export interface CategoryRoute {
  code: string;
  departmentId: string | null;
  acknowledgeDays: number;
  firstAnswerDays: number;
  resolveDays: number;
}

export async function activeCategories(sql: Sql): Promise<CategoryRoute[]> {
  return sql.query<CategoryRoute>(
    `select c.code, d.id as "departmentId", c.acknowledge_days as "acknowledgeDays",
            c.first_answer_days as "firstAnswerDays", c.resolve_days as "resolveDays"
       from case_categories c left join departments d on d.id = c.department_id and d.active
      where c.active order by c.sort_order, c.code`,
  );
}

export interface SubmissionText {
  category: unknown;
  title: unknown;
  description: unknown;
  contact?: unknown;
  enterpriseName?: unknown;
}

export interface NewCase {
  channel: Channel;
  text: SubmissionText;
  enterpriseId?: string | null;
  salonId?: string | null;
  /** The signed-in user who raised or recorded it; null for the public form. */
  actor: Actor | null;
  /** The client's Idempotency-Key header, if any. */
  idempotencyKey?: string | null;
  /** When the problem was raised (a salon's date, a letter's receipt); default now. */
  submittedAt?: Date;
}

const TEXT_FIELD_CODES: Record<SubmissionIssue["code"], FieldIssue["code"]> = {
  category_unknown: "case_category_unknown",
  not_text: "type",
  required: "required",
  too_short: "too_short",
  too_long: "too_long",
  control_character: "case_control_character",
  invalid_unicode: "case_invalid_unicode",
  newline_not_allowed: "case_newline",
  no_letters: "case_no_letters",
};

export function submissionFieldIssues(issues: SubmissionIssue[]): FieldIssue[] {
  return issues.map((i) => {
    const rules = i.field === "category" ? null : SUBMISSION_TEXT_RULES[i.field];
    const params: Record<string, number> = {};
    if (rules && i.code === "too_long") params.limit = rules.maxLength;
    if (rules && i.code === "too_short") params.limit = rules.minLength;
    if (i.code === "not_text") return { field: i.field, code: "type", params: { expected: "string" } };
    return { field: i.field, code: TEXT_FIELD_CODES[i.code], params };
  });
}

/** Keys are per caller: a public key and a user's key never meet. */
function scopedKey(actor: Actor | null, key: string | null | undefined): string | null {
  if (!key) return null;
  return actor ? `u:${actor.userId}:${key}` : `p:${key}`;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function checkIdempotencyKey(key: unknown): string | null {
  if (key === undefined) return null;
  if (typeof key !== "string" || !KEY_PATTERN.test(key))
    throw validationError([{ field: "Idempotency-Key", code: "format" }]);
  return key;
}

/**
 * A submission in one statement (one round trip; atomic without a transaction around it): the case, its
 * timeline (submitted; routed when a department takes it), the notice to the department's members and mailbox or,
 * unrouted, to the coordinators, and the audit entry — the rows addEvent, notifyDepartment / notifyCoordinators
 * (events.ts) and writeAudit (platform/audit.ts) write, which the other actions use. Nothing is written when the
 * tracking number or the Idempotency-Key is taken (on conflict do nothing): no row comes back. At 200 submissions
 * a second the eight statements those helpers send took more CPU than the writes themselves (bench/README.md).
 */
const SUBMIT_STATEMENT = `
with c as (
  insert into cases (tracking_number, channel, category, department_id, title, description, contact, enterprise_name,
                     enterprise_id, salon_id, submitted_by, submitted_at, acknowledge_due, first_answer_due,
                     resolve_due, abuse_score, abuse_reasons, held_for_review, idempotency_key, request_hash)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
  on conflict do nothing
  returning id
), timeline as (
  insert into case_events (case_id, at, type, visibility, text_public, actor_kind, actor_id, actor_name, to_status,
                           to_department_id)
  select c.id, $12::timestamptz, e.type, 'public', false, e.actor_kind, e.actor_id, e.actor_name, e.to_status, e.dept
    from c cross join (values ('submitted', $21::text, $11::uuid, $22::text, 'new', null::uuid),
                              ('routed', 'system', null, '', null, $4::uuid)) as e (type, actor_kind, actor_id,
                                                                               actor_name, to_status, dept)
   where e.type = 'submitted' or $4::uuid is not null
), told as (
  select ud.user_id from user_departments ud where ud.department_id = $4::uuid
  union all
  select u.id from users u where $4::uuid is null and u.role in ('admin', 'regulator') and not u.disabled
), notice as (
  insert into notifications (user_id, case_id, kind, title, body)
  select told.user_id, c.id, $23, $24, $25 from c, told
), mail as (
  insert into email_outbox (to_address, subject, body, kind, case_id, department_id)
  select d.email, $24, $25, $23, c.id, d.id from c join departments d on d.id = $4::uuid
   where d.email is not null and d.email <> ''
), audit as (
  insert into audit_log (actor_id, actor_name, action, entity_type, entity_id, after)
  select $11::uuid, $26, 'case.submit', 'case', c.id, $27::jsonb from c
)
select id from c`;

export async function submitCase(
  db: Db,
  input: NewCase,
): Promise<{ id: string; trackingNumber: string; created: boolean }> {
  const categories = await activeCategories(db);
  const checked = validatePublicSubmission(
    input.text,
    categories.map((c) => c.code),
  );
  if (!checked.ok) throw validationError(submissionFieldIssues(checked.issues));
  const value = checked.value;
  const category = categories.find((c) => c.code === value.category) as CategoryRoute;
  const submittedAt = input.submittedAt ?? new Date();
  const calendar = await workCalendar(db, db);
  const due = caseDeadlines(
    calendar,
    {
      acknowledgeDays: category.acknowledgeDays,
      firstAnswerDays: category.firstAnswerDays,
      resolveDays: category.resolveDays,
    },
    { submittedAt },
  );
  const held = checked.abuse.score >= ABUSE_REVIEW_THRESHOLD;
  // A suspicious submission waits in the coordinator's queue instead of reaching a department.
  const departmentId = held ? null : category.departmentId;
  const key = scopedKey(input.actor, input.idempotencyKey);
  const hash = createHash("sha256")
    .update(JSON.stringify([input.channel, value, input.enterpriseId ?? null, input.salonId ?? null]))
    .digest("hex");

  const actorKind = input.actor && input.actor.role !== "enterprise" ? "coordinator" : "submitter";
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingNumber = generateTrackingNumber(submittedAt, randomBytes(TRACKING_RANDOM_BYTES));
    const notice = departmentId
      ? {
          kind: "case.routed",
          title: `新案件 ${formatTrackingNumber(trackingNumber)}：${value.title}`,
          body: `请在 ${due.acknowledge.toISOString().slice(0, 10)} 前受理。`,
        }
      : {
          // No department takes it by category (or it is held as suspicious): the coordinators must route it,
          // so they are told, or it would wait unseen until its deadline passed.
          kind: held ? "case.held" : "case.unrouted",
          title: `${held ? "待审核案件" : "待交办案件"} ${formatTrackingNumber(trackingNumber)}：${value.title}`,
          body: held
            ? "疑似滥用（链接、标记或重复字符），请审核后交办或作非职责范围处理。"
            : `本类别无对口部门，请在 ${shanghaiDate(due.acknowledge)} 前交办。`,
        };
    const [row] = await db.query<{ id: string }>(SUBMIT_STATEMENT, [
      trackingNumber,
      input.channel,
      value.category,
      departmentId,
      value.title,
      value.description,
      value.contact,
      value.enterpriseName,
      input.enterpriseId ?? null,
      input.salonId ?? null,
      input.actor?.userId ?? null,
      submittedAt.toISOString(),
      due.acknowledge.toISOString(),
      due.firstAnswer.toISOString(),
      due.resolve.toISOString(),
      checked.abuse.score,
      checked.abuse.reasons,
      held,
      key,
      key ? hash : null,
      actorKind,
      input.actor ? input.actor.displayName : "",
      notice.kind,
      notice.title,
      notice.body,
      input.actor ? `${input.actor.displayName} (${input.actor.username})` : "system",
      JSON.stringify({
        trackingNumber,
        channel: input.channel,
        category: value.category,
        departmentId,
        heldForReview: held,
      }),
    ]);
    if (row) return { id: row.id, trackingNumber, created: true };
    if (!key) continue; // a tracking number collision: draw again
    const [earlier] = await db.query<{ id: string; trackingNumber: string; requestHash: string }>(
      `select id, tracking_number as "trackingNumber", request_hash as "requestHash"
         from cases where idempotency_key = $1`,
      [key],
    );
    if (!earlier) continue;
    if (earlier.requestHash !== hash) throw new AppError("CASE_IDEMPOTENCY_MISMATCH");
    return { id: earlier.id, trackingNumber: earlier.trackingNumber, created: false };
  }
  throw new Error("could not draw a free tracking number");
}
