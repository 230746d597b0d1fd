import type { AssessmentStage, LevelDef, LocalizedText } from "@jingwei/rules";
import type { Actor } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { scopeOf } from "./assessments.ts";

// An enterprise's evaluation results for its record (the enterprise page): every assessment not cancelled, with the
// level's name from the system version it used, so a page needs no system definition to show "有条件符合".

/** The record shows the latest assessments; older ones remain on the programme page. */
export const RATINGS_SHOWN = 50;

export interface EnterpriseRating {
  assessmentId: string;
  systemCode: string;
  systemVersion: string;
  systemName: LocalizedText;
  title: string | null;
  stage: AssessmentStage;
  /** The level given when rated; null before the rating (a provisional score is not a rating). */
  level: string | null;
  levelName: LocalizedText | null;
  percent: number | null;
  worstLevel: boolean;
  ratingWithheld: boolean;
  ratedOn: string | null;
  validUntil: string | null;
  followUpDueOn: string | null;
}

export async function enterpriseRatings(
  db: Db,
  actor: Actor,
  enterpriseId: string,
): Promise<{ items: EnterpriseRating[] }> {
  // An enterprise user asking for another enterprise is told nothing exists, as for any of its records.
  const scope = scopeOf(actor);
  if (scope !== null && scope !== enterpriseId) throw new AppError("NOT_FOUND");
  const [enterprise] = await db.query("select 1 from enterprises where id = $1", [enterpriseId]);
  if (!enterprise) throw new AppError("NOT_FOUND");
  const rows = await db.query<
    Omit<EnterpriseRating, "levelName" | "systemName"> & {
      nameZh: string;
      nameEn: string;
      levels: LevelDef[] | null;
    }
  >(
    `select a.id as "assessmentId", a.system_code as "systemCode", a.system_version as "systemVersion",
       s.name_zh as "nameZh", s.name_en as "nameEn", a.title, a.stage, a.level, a.percent::float8 as percent,
       a.worst_level as "worstLevel", a.rating_withheld as "ratingWithheld", a.rated_on as "ratedOn",
       a.valid_until as "validUntil", a.follow_up_due_on as "followUpDueOn",
       s.definition -> 'rating' -> 'levels' as levels
     from evaluation_assessments a join evaluation_systems s on s.id = a.system_id
     where a.enterprise_id = $1 and a.stage <> 'cancelled'
     order by a.rated_on desc nulls first, a.created_at desc, a.id
     limit ${RATINGS_SHOWN}`,
    [enterpriseId],
  );
  return {
    items: rows.map(({ nameZh, nameEn, levels, ...r }) => {
      const rated = r.ratedOn !== null;
      const def = rated ? (levels ?? []).find((l) => l.id === r.level) : undefined;
      return {
        ...r,
        systemName: { zh: nameZh, en: nameEn },
        level: rated ? r.level : null,
        levelName: def ? def.name : null,
        percent: rated ? r.percent : null,
        worstLevel: rated && r.worstLevel,
        ratingWithheld: rated && r.ratingWithheld,
      };
    }),
  };
}
