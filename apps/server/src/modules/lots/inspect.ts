import {
  type DefectClass,
  type InspectionLevel,
  type SwitchingTransition,
  switchingLotEvent,
  verdict,
} from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import { todayInChina } from "../supervision/context.ts";
import { defectTypesByCode, getInspection } from "./inspections.ts";
import { nextLotNumber } from "./numbers.ts";
import { nextRound, planForLot } from "./plan.ts";
import { getLot, type LockedLot, lockLot, STATUS_WORDS } from "./read.ts";
import { type Inspection, type InspectionCreate, type Lot, OPEN_STATUSES } from "./schemas.ts";
import { applySwitchingEvent } from "./switching.ts";

// Recording an inspection round: checks, the verdict from the plan (the inspector's result must agree with it),
// the lot's new status and release number, and — on the original inspection (round 1) only — the official result
// and the switching state. One transaction, audited.
//
// Switching: we keep one state per enterprise × category (not one per defect class as ISO 2859-1 would), so the
// lot event uses the MAJOR class plan for the acceptance number and the switching score's "one AQL step tighter"
// test, and the lot's overall verdict for "accepted" — a lot rejected on a critical or minor defect still counts
// as not accepted for the 2-in-5 rule.

const CLASS_WORDS: Record<DefectClass, { zh: string; en: string }> = {
  critical: { zh: "致命缺陷", en: "critical" },
  major: { zh: "严重缺陷", en: "major" },
  minor: { zh: "轻微缺陷", en: "minor" },
};
const RESULT_WORDS = {
  accepted: { zh: "合格", en: "accepted" },
  rejected: { zh: "不合格", en: "rejected" },
} as const;

export interface InspectionRecorded {
  inspection: Inspection;
  lot: Lot;
  switching: Pick<
    SwitchingTransition,
    "from" | "to" | "changed" | "reasonKey" | "reasonParams" | "reason"
  > | null;
}

/** Defect codes known, measurements only on measurement defects and outside their tolerance. */
async function checkDefects(sql: Sql, body: InspectionCreate) {
  const types = await defectTypesByCode(sql, [...new Set(body.defects.map((d) => d.defectCode))]);
  const issues: FieldIssue[] = [];
  const counts: Record<DefectClass, number> = { critical: 0, major: 0, minor: 0 };
  body.defects.forEach((d, i) => {
    const at = `defects[${i}]`;
    const type = types.get(d.defectCode);
    if (!type) {
      issues.push({ field: `${at}.defectCode`, code: "unknown_type", params: { value: d.defectCode } });
      return;
    }
    const m = d.measurement ?? null;
    if (m && type.category !== "measurement")
      issues.push({ field: `${at}.measurement`, code: "not_measurement_defect" });
    else if (!m && type.code === "measurement.out_of_tolerance")
      issues.push({ field: `${at}.measurement`, code: "required" });
    else if (m) {
      // Rounded to 0.01 cm so that 0.1 + 0.2 style float noise does not turn a value on the limit into a defect.
      const deviation = Math.round(Math.abs(m.measuredCm - m.specCm) * 100) / 100;
      if (deviation <= m.toleranceCm)
        issues.push({
          field: `${at}.measurement.measuredCm`,
          code: "within_tolerance",
          params: {
            measuredCm: m.measuredCm,
            specCm: m.specCm,
            toleranceCm: m.toleranceCm,
            deviationCm: deviation,
          },
        });
    }
    counts[d.defectClass ?? type.defaultClass] += d.quantity;
  });
  if (issues.length > 0) throw validationError(issues);
  return { types, counts };
}

function assertInspectable(lot: LockedLot, actor: Actor) {
  if (!(OPEN_STATUSES as readonly string[]).includes(lot.status))
    throw new AppError("LOT_NOT_OPEN", { status: STATUS_WORDS[lot.status] });
  // An inspector works lots assigned to them or unassigned ones; the authority may step in on any.
  if (actor.role === "inspector" && lot.inspectorId && lot.inspectorId !== actor.userId)
    throw new AppError("TASK_TAKEN", { inspector: lot.inspectorName ?? "?" });
}

export async function recordInspection(
  db: Db,
  actor: Actor,
  lotId: string,
  body: InspectionCreate,
  now = new Date(),
): Promise<InspectionRecorded> {
  return db.tx(async (sql) => {
    const lot = await lockLot(sql, actor, lotId);
    assertInspectable(lot, actor);
    const round = await nextRound(sql, lot.id);
    if (body.round < round) throw new AppError("INSPECTION_ALREADY_RECORDED", { round: body.round });
    if (body.round > round)
      throw validationError([{ field: "round", code: "inspection_round", params: { expected: round } }]);
    const { counts } = await checkDefects(sql, body);
    const original = round === 1;
    const { plan, category, switching, stage } = await planForLot(sql, lot, { forUpdate: original, round });

    const judged = verdict(
      { critical: plan.plans.critical, major: plan.plans.major, minor: plan.plans.minor },
      counts,
    );
    if (judged.result !== body.result) {
      // Name the class that decides: the first rejected one, else the one closest to its rejection number.
      const named =
        judged.classes.find((c) => c.result === "rejected") ??
        [...judged.classes].sort((a, b) => b.defects - b.reject - (a.defects - a.reject))[0];
      const c = named ?? judged.classes[0];
      throw new AppError("VERDICT_CONTRADICTS_PLAN", {
        defectClass: CLASS_WORDS[c?.defectClass ?? "major"],
        defects: c?.defects ?? 0,
        accept: c?.accept ?? 0,
        reject: c?.reject ?? 1,
        expected: RESULT_WORDS[judged.result],
      });
    }

    let inspectionId: string;
    try {
      const [row] = await sql.query<{ id: string }>(
        `insert into inspections (lot_id, round, inspector_id, stage, level, code_letter, sample_size,
           full_inspection, plans, defects_found, result, note)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12) returning id`,
        [
          lot.id,
          round,
          actor.userId,
          stage,
          plan.level,
          plan.codeLetter,
          plan.sampleSize,
          plan.fullInspection,
          JSON.stringify(plan.plans),
          JSON.stringify(counts),
          judged.result,
          body.note?.trim() || null,
        ],
      );
      inspectionId = (row as { id: string }).id;
    } catch (err) {
      // The row lock on the lot makes this unreachable in practice; the unique (lot_id, round) is the last word.
      if ((err as { code?: string }).code === "23505")
        throw new AppError("INSPECTION_ALREADY_RECORDED", { round });
      throw err;
    }
    for (const d of body.defects) {
      await sql.query(
        `insert into inspection_defects (inspection_id, defect_code, defect_class, quantity, measurement, note)
         select $1, $2, coalesce($3, default_class), $4, $5::jsonb, $6 from defect_types where code = $2`,
        [
          inspectionId,
          d.defectCode,
          d.defectClass ?? null,
          d.quantity,
          d.measurement ? JSON.stringify(d.measurement) : null,
          d.note?.trim() || null,
        ],
      );
    }

    const accepted = judged.result === "accepted";
    const releaseNo = accepted ? await nextLotNumber(sql, "FX", todayInChina(now)) : null;
    await sql.query(
      `update lots set status = $2, official_result = case when $3 then $4 else official_result end,
         inspector_id = coalesce(inspector_id, $5), release_no = coalesce($6, release_no),
         released_at = case when $6::text is null then released_at else now() end, updated_at = now()
       where id = $1`,
      [lot.id, accepted ? "accepted" : "rework", original, judged.result, actor.userId, releaseNo],
    );

    let transition: SwitchingTransition | null = null;
    if (original) {
      const event = {
        ...switchingLotEvent(
          { lotSize: lot.lotSize, level: plan.level as InspectionLevel, aql: category.aqlMajor, stage },
          counts.major,
        ),
        accepted,
      };
      transition = await applySwitchingEvent(
        sql,
        actor,
        { enterpriseId: lot.enterpriseId, productCategory: lot.productCategory, lotId: lot.id },
        switching.state,
        event,
      );
    }

    await writeAudit(sql, actor, {
      action: "lot.inspect",
      entityType: "lot",
      entityId: lot.id,
      before: { status: lot.status },
      after: {
        round,
        result: judged.result,
        defectsFound: counts,
        stage,
        sampleSize: plan.sampleSize,
        status: accepted ? "accepted" : "rework",
        releaseNo,
        switching: transition
          ? { from: transition.from, to: transition.to, reason: transition.reason }
          : null,
      },
    });

    const inspection = await getInspection(sql, inspectionId);
    if (!inspection) throw new Error("inspection vanished");
    return {
      inspection,
      lot: await getLot(sql, null, lot.id),
      switching: transition
        ? {
            from: transition.from,
            to: transition.to,
            changed: transition.changed,
            reasonKey: transition.reasonKey,
            reasonParams: transition.reasonParams,
            reason: transition.reason,
          }
        : null,
    };
  });
}
