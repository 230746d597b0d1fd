import { type Static, Type } from "@sinclair/typebox";
import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { scopeOf } from "../evaluations/assessments.ts";
import { overdueCapItems } from "../evaluations/findings.ts";
import { STAGE_DUE_FROM, STAGE_DUE_WHERE } from "../evaluations/reminders.ts";
import { todayInChina } from "../supervision/context.ts";

// The evaluation programme on the console home: CAP items overdue and due soon, assessment stages due soon or
// passed (the dates the reminders job reminds of), and for an enterprise user its own open CAP items.

/** A CAP item or stage due within this many days counts as due soon (the reminders' first threshold). */
export const DUE_SOON_DAYS = 7;
const LIST_MAX = 20;

export const EvaluationDue = Type.Object({
  /** CAP items past their deadline that the enterprise still owes (GET /api/v1/cap-items/overdue's total). */
  overdueCapItems: Type.Integer(),
  /** CAP items the enterprise owes, due today or within DUE_SOON_DAYS. */
  dueSoonCapItems: Type.Integer(),
  /** Assessments with a stage date within DUE_SOON_DAYS or passed. */
  stagesDue: Type.Integer(),
  stages: Type.Array(
    Type.Object({
      assessmentId: Type.String(),
      enterpriseName: Type.String(),
      stage: Type.String(),
      field: Type.String(),
      dueOn: Type.String(),
      daysLeft: Type.Integer(),
    }),
  ),
  /** An enterprise user's own CAP items not closed, soonest deadline first (empty for staff). */
  capItems: Type.Array(
    Type.Object({
      id: Type.String(),
      assessmentId: Type.String(),
      title: Type.String(),
      status: Type.String(),
      deadline: Type.String(),
      daysLeft: Type.Integer(),
      overdue: Type.Boolean(),
    }),
  ),
});
export type EvaluationDue = Static<typeof EvaluationDue>;

export async function evaluationDue(db: Db, actor: Actor): Promise<EvaluationDue> {
  // Today as overdueCapItems reads it, so the counts agree with GET /api/v1/cap-items/overdue.
  const today = todayInChina();
  const scope = scopeOf(actor);
  const overdue = await overdueCapItems(db, actor, { page: 1, pageSize: 1 });
  const [soon] = await db.query<{ n: number }>(
    `select count(*)::int as n from evaluation_cap_items c
      where c.status in ('open', 'rejected') and c.deadline between $1::date and $1::date + $2::int
        and ($3::uuid is null or c.enterprise_id = $3)`,
    [today, DUE_SOON_DAYS, scope],
  );
  const stageWhere = `${STAGE_DUE_WHERE} and d.due_on <= $1::date + $2::int and ($3::uuid is null or a.enterprise_id = $3)`;
  const [stagesDue] = await db.query<{ n: number }>(
    `select count(distinct a.id)::int as n from ${STAGE_DUE_FROM} where ${stageWhere}`,
    [today, DUE_SOON_DAYS, scope],
  );
  const stages = await db.query<EvaluationDue["stages"][number]>(
    `select a.id as "assessmentId", e.name as "enterpriseName", a.stage, d.field, d.due_on::text as "dueOn",
       (d.due_on - $1::date)::int as "daysLeft"
     from ${STAGE_DUE_FROM} where ${stageWhere} order by d.due_on, e.name, a.id limit ${LIST_MAX}`,
    [today, DUE_SOON_DAYS, scope],
  );
  const capItems =
    scope === null
      ? []
      : await db.query<EvaluationDue["capItems"][number]>(
          `select c.id, c.assessment_id as "assessmentId", f.title, c.status, c.deadline::text as deadline,
             (c.deadline - $1::date)::int as "daysLeft",
             (c.status in ('open', 'rejected') and c.deadline < $1::date) as overdue
           from evaluation_cap_items c join evaluation_findings f on f.id = c.finding_id
           join evaluation_assessments a on a.id = c.assessment_id
           where c.enterprise_id = $2 and c.status <> 'closed' and a.stage <> 'cancelled'
           order by c.deadline, c.id limit ${LIST_MAX}`,
          [today, scope],
        );
  return {
    overdueCapItems: overdue.total,
    dueSoonCapItems: soon?.n ?? 0,
    stagesDue: stagesDue?.n ?? 0,
    stages,
    capItems,
  };
}
