import { randomBytes } from "node:crypto";
import {
  applyCaseAction,
  caseDeadlines,
  formatTrackingNumber,
  generateTrackingNumber,
  TRACKING_RANDOM_BYTES,
  validatePublicSubmission,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import { workCalendar } from "./calendar.ts";
import { addEvent, notifyCoordinators, notifyDepartment, notifyUsers } from "./events.ts";
import { caseActorFor, REFUSAL_TEXT, stateOf, viewerOf } from "./model.ts";
import { loadVisibleCase } from "./read.ts";
import type { SplitBody } from "./schemas.ts";
import { activeCategories, type CategoryRoute, submissionFieldIssues } from "./submit.ts";

// Splitting (拆分): one case that raises several problems (a salon's list, a letter about three matters) gives
// each further problem a case of its own, routed by its category like a new submission. The rules decide
// (workflow.ts `split`): coordinators only, open cases only; the original keeps its status and carries on with
// the problem that stays, and every part runs on the original's clock — the submitter has waited since then,
// and a split must not buy the departments time. The parts inherit who raised it (contact, enterprise, salon,
// submitter), so the submitter finds them; both timelines name the other side's tracking numbers, publicly.

export interface SplitPart {
  id: string;
  trackingNumber: string;
  title: string;
  category: string;
  departmentId: string | null;
}

/** Each part is checked as a new submission's category, title and description are; fields `parts[i].x`. */
function checkParts(body: SplitBody, categories: CategoryRoute[]) {
  const issues: FieldIssue[] = [];
  const values: { category: CategoryRoute; title: string; description: string }[] = [];
  const codes = categories.map((c) => c.code);
  body.parts.forEach((part, i) => {
    const r = validatePublicSubmission(
      { category: part.category, title: part.title, description: part.description },
      codes,
    );
    if (!r.ok) {
      for (const issue of submissionFieldIssues(r.issues))
        issues.push({ ...issue, field: `parts[${i}].${issue.field}` });
      return;
    }
    const category = categories.find((c) => c.code === r.value.category) as CategoryRoute;
    values.push({ category, title: r.value.title, description: r.value.description });
  });
  return { issues, values };
}

async function insertPart(
  sql: Sql,
  original: Awaited<ReturnType<typeof loadVisibleCase>>,
  part: { category: CategoryRoute; title: string; description: string },
  due: { acknowledge: Date; firstAnswer: Date; resolve: Date },
): Promise<{ id: string; trackingNumber: string }> {
  const submittedAt = new Date(original.submittedAt);
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingNumber = generateTrackingNumber(submittedAt, randomBytes(TRACKING_RANDOM_BYTES));
    // A taken number (vanishingly rare) inserts nothing and does not abort the transaction: draw again.
    const [row] = await sql.query<{ id: string }>(
      `insert into cases (tracking_number, channel, category, department_id, title, description, contact,
                          enterprise_name, enterprise_id, salon_id, submitted_by, submitted_at,
                          acknowledge_due, first_answer_due, resolve_due, split_from)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       on conflict do nothing
       returning id`,
      [
        trackingNumber,
        original.channel,
        part.category.code,
        part.category.departmentId,
        part.title,
        part.description,
        original.contact,
        original.enterpriseName,
        original.enterpriseId,
        original.salonId,
        original.submittedBy,
        submittedAt.toISOString(),
        due.acknowledge.toISOString(),
        due.firstAnswer.toISOString(),
        due.resolve.toISOString(),
        original.id,
      ],
    );
    if (row) return { id: row.id, trackingNumber };
  }
  throw new Error("could not draw a free tracking number");
}

/** Split a case into new ones (POST /cases/:id/split). All or nothing, in one transaction. */
export async function splitCase(
  db: Db,
  actor: Actor,
  caseId: string,
  body: SplitBody,
  now = new Date(),
): Promise<SplitPart[]> {
  const categories = await activeCategories(db);
  const { issues, values } = checkParts(body, categories);
  if (issues.length > 0) throw validationError(issues);
  const calendar = await workCalendar(db, db);
  const viewer = await viewerOf(db, actor);

  return db.tx(async (sql) => {
    const row = await loadVisibleCase(sql, viewer, caseId, true);
    const state = stateOf(row);
    const caseActor = caseActorFor(viewer, row);
    const result = applyCaseAction(state, { type: "split", parts: values.length }, caseActor, {
      now,
      calendar,
      caseId,
    });
    if (!result.ok) {
      if (result.code === "split_parts_invalid")
        throw validationError([{ field: "parts", code: "out_of_range" }]);
      throw new AppError("CASE_ACTION_REFUSED", { reason: REFUSAL_TEXT[result.code] });
    }
    const original = formatTrackingNumber(row.trackingNumber);
    const parts: SplitPart[] = [];
    for (const [i, value] of values.entries()) {
      const clock = result.parts[i] ?? state;
      const due = caseDeadlines(calendar, value.category, clock);
      const created = await insertPart(sql, row, value, due);
      const departmentId = value.category.departmentId;
      parts.push({ ...created, title: value.title, category: value.category.code, departmentId });
      await addEvent(sql, created.id, {
        type: "splitFrom",
        visibility: "public",
        textPublic: true,
        actorKind: "coordinator",
        actor,
        toStatus: "new",
        text: original,
        at: now,
      });
      const number = formatTrackingNumber(created.trackingNumber);
      if (departmentId) {
        await addEvent(sql, created.id, {
          type: "routed",
          visibility: "public",
          actorKind: "system",
          toDepartmentId: departmentId,
          at: now,
        });
        await notifyDepartment(sql, departmentId, {
          caseId: created.id,
          kind: "case.routed",
          title: `新交办案件 ${number}：${value.title}`,
          body: `由 ${original} 拆分；请在 ${due.acknowledge.toISOString().slice(0, 10)} 前受理。`,
        });
      } else {
        await notifyCoordinators(sql, {
          caseId: created.id,
          kind: "case.unrouted",
          title: `待交办案件 ${number}：${value.title}`,
          body: `由 ${original} 拆分；本类别无对口部门，请交办。`,
        });
      }
      await writeAudit(sql, actor, {
        action: "case.create",
        entityType: "case",
        entityId: created.id,
        after: {
          trackingNumber: created.trackingNumber,
          splitFrom: row.trackingNumber,
          category: value.category.code,
          departmentId,
        },
      });
    }
    const numbers = parts.map((p) => formatTrackingNumber(p.trackingNumber));
    // Public with its text: the submitter follows each part by its own number (no reason, nothing internal).
    await addEvent(sql, caseId, {
      type: "split",
      visibility: "public",
      textPublic: true,
      actorKind: caseActor.kind,
      actor,
      text: numbers.join("、"),
      at: now,
    });
    await sql.query("update cases set updated_at = now() where id = $1", [caseId]);
    if (row.submittedBy)
      await notifyUsers(sql, [row.submittedBy], {
        caseId,
        kind: "case.split",
        title: `您的诉求 ${original} 已拆分为 ${parts.length} 件新诉求`,
        body: numbers.join("\n"),
      });
    await writeAudit(sql, actor, {
      action: "case.split",
      entityType: "case",
      entityId: caseId,
      before: { status: state.status },
      after: { status: result.state.status, parts: parts.map((p) => p.trackingNumber) },
    });
    return parts;
  });
}
