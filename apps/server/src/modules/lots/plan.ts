import type { InspectionStage } from "@jingwei/rules";
import type { Sql } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import type { ClassPlans } from "../sampling/schemas.ts";
import { plansFor } from "../sampling/service.ts";
import { type ProductCategory, productCategory } from "../supervision/context.ts";
import type { LockedLot } from "./read.ts";
import type { InspectionPlan } from "./schemas.ts";
import { readSwitching, type StoredSwitching } from "./switching.ts";

// The AQL plan of a lot's next inspection round: the stage from the switching state of enterprise × category,
// level and AQLs from the category (critical null = not allowed, Ac 0 / Re 1 on the largest sample, decision
// 0004), one plan per defect class; special supervision inspects the whole lot, judged with the same Ac/Re.

export interface PlanContext {
  plan: InspectionPlan;
  category: ProductCategory;
  switching: StoredSwitching;
  stage: InspectionStage;
}

export async function nextRound(sql: Sql, lotId: string): Promise<number> {
  const [row] = await sql.query<{ last: number }>(
    "select coalesce(max(round), 0)::int as last from inspections where lot_id = $1",
    [lotId],
  );
  return (row?.last ?? 0) + 1;
}

export async function planForLot(
  sql: Sql,
  lot: Pick<LockedLot, "id" | "enterpriseId" | "productCategory" | "lotSize" | "mode">,
  opts: { forUpdate?: boolean; round?: number } = {},
): Promise<PlanContext> {
  const category = await productCategory(sql, lot.productCategory);
  const switching = await readSwitching(sql, lot.enterpriseId, lot.productCategory, opts);
  const stage = switching.state.stage;
  if (stage === "discontinued") throw new AppError("INSPECTION_DISCONTINUED");
  let plans: ClassPlans;
  try {
    plans = plansFor({
      lotSize: lot.lotSize,
      level: category.inspectionLevel,
      stage,
      aqlCritical: category.aqlCritical ?? 0,
      aqlMajor: category.aqlMajor,
      aqlMinor: category.aqlMinor,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "VALIDATION")
      throw new AppError("INSPECTION_PLAN_INVALID", {
        detail: err.fields.map((f) => f.field).join(", ") || "?",
      });
    throw err;
  }
  if (lot.mode === "special") {
    for (const c of ["critical", "major", "minor"] as const)
      plans[c] = { ...plans[c], sampleSize: lot.lotSize, fullInspection: true };
  }
  const classes = [plans.critical, plans.major, plans.minor];
  return {
    category,
    switching,
    stage,
    plan: {
      lotId: lot.id,
      round: opts.round ?? (await nextRound(sql, lot.id)),
      stage,
      level: category.inspectionLevel,
      lotSize: lot.lotSize,
      mode: lot.mode,
      codeLetter: plans.major.codeLetter,
      sampleSize: Math.max(...classes.map((p) => p.sampleSize)),
      fullInspection: classes.every((p) => p.fullInspection),
      plans,
    },
  };
}
