import {
  addWorkingDays,
  caseDeadlines,
  DEFAULT_CASE_SLA,
  generateTrackingNumber,
  seededRandom,
  shanghaiInstant,
} from "@jingwei/rules";
import type { Db } from "../../platform/db.ts";
import { workCalendar } from "./calendar.ts";

// A year of the loop for the demo, drawn on seed 004 (平湖亲清夜沙龙: 2,532 salons, 2,922 entrepreneurs, 685
// problems collected, 680 closed, i.e. 99.3 %) scaled to 200 salons, and on seed 000 (environmental petitions
// handled 100 %, labour disputes) for the other channels. Deterministic (seeded), and loaded once: it does
// nothing when salons exist. Call it from the demo seeder.

const SALONS = 200;
/** 2,922 / 2,532 entrepreneurs per salon, 685 / 2,532 problems per salon (seed 004). */
const ENTREPRENEURS_PER_SALON = 2922 / 2532;
const PROBLEMS_PER_SALON = 685 / 2532;
const CLOSED_SHARE = 680 / 685;

const PLACES = [
  "当湖街道企业服务中心",
  "钟埭街道党群服务中心",
  "曹桥街道会议室",
  "乍浦镇企业之家",
  "新埭镇商会",
  "新仓镇服装产业园",
  "独山港镇政企会客厅",
  "林埭镇便民服务中心",
  "广陈镇农旅中心",
  "平湖经济技术开发区服务大厅",
];
const HOSTS = [
  "市委常委、副市长",
  "市经信局局长",
  "市人力社保局局长",
  "市市场监管局局长",
  "市商务局局长",
  "镇（街道）党（工）委书记",
];
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡沈钱顾陆"];

const PROBLEMS: Record<string, string[]> = {
  policy: ["技改补助政策申报条件咨询", "小升规奖励兑现进度", "数字化改造专项资金如何申请"],
  finance: ["流动资金贷款续贷困难", "出口信用保险保费补贴", "增值税留抵退税办理"],
  landAndPremises: ["厂房扩建用地指标", "标准厂房租金上涨", "工业用地容积率调整"],
  labourAndTalent: ["旺季缝纫工招工难", "外地员工子女入学", "技能人才评价申报"],
  environment: ["印花废水纳管排放", "锅炉煤改气补助", "VOCs治理设备验收"],
  qualityAndInspection: ["出口服装检验周期过长", "童装绳带标准解读", "检测费用减免"],
  marketAccess: ["欧盟市场新规应对", "跨境电商海外仓备案", "展会补贴申请"],
  legal: ["外贸合同纠纷法律咨询", "商标被抢注维权", "劳动合同范本审核"],
  other: ["企业门口道路破损", "园区公交线路调整", "网络信号差"],
};
const CATEGORY_WEIGHTS: [string, number][] = [
  ["policy", 18],
  ["finance", 14],
  ["landAndPremises", 12],
  ["labourAndTalent", 16],
  ["environment", 8],
  ["qualityAndInspection", 10],
  ["marketAccess", 10],
  ["legal", 6],
  ["other", 6],
];

export interface CaseDemoResult {
  loaded: boolean;
  salons: number;
  cases: number;
  closed: number;
}

export async function seedCaseDemo(db: Db, today: Date = new Date()): Promise<CaseDemoResult> {
  const [existing] = await db.query<{ n: number }>("select count(*)::int as n from salons");
  if ((existing?.n ?? 0) > 0) return { loaded: false, salons: 0, cases: 0, closed: 0 };
  const calendar = await workCalendar(db, db);
  const rand = seededRandom(20251204);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const weighted = () => {
    let r = rand() * CATEGORY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    for (const [c, w] of CATEGORY_WEIGHTS) {
      r -= w;
      if (r < 0) return c;
    }
    return "other";
  };
  const bytes = () => Uint8Array.from({ length: 8 }, () => Math.floor(rand() * 256));
  const dayMs = 86_400_000;
  const start = today.getTime() - 365 * dayMs;

  return db.tx(async (sql) => {
    const cats = await sql.query<{
      code: string;
      departmentId: string | null;
      a: number;
      f: number;
      r: number;
    }>(
      `select code, department_id as "departmentId", acknowledge_days as a, first_answer_days as f,
              resolve_days as r from case_categories`,
    );
    const catOf = new Map(cats.map((c) => [c.code, c]));
    const [fallbackDept] = await sql.query<{ id: string }>("select id from departments where code = 'econ'");
    const enterprises = (await sql.query<{ id: string; name: string }>(
      "select id, name from enterprises order by name limit 200",
    )) as { id: string; name: string }[];
    // The pilot enterprise account "huacheng" (seed 000) raises its own cases, so its user sees the loop.
    const [pilot] = await sql.query<{ id: string; name: string }>(
      `select e.id, e.name from users u join enterprises e on e.id = u.enterprise_id where u.username = 'huacheng'`,
    );
    // The demo's department members: the inspector works quality cases, the association the policy desk.
    await sql.query(
      `insert into user_departments (user_id, department_id)
       select u.id, d.id from users u join departments d
         on (u.username = 'inspector' and d.code = 'amr') or (u.username = 'association' and d.code = 'econ')
       on conflict do nothing`,
    );

    let cases = 0;
    let closed = 0;
    let salonProblems = 0;
    const closedTarget = { n: 0 };
    const addCase = async (c: {
      channel: string;
      submittedAt: Date;
      category: string;
      salonId?: string | null;
      enterprise?: { id: string; name: string } | null;
      open: boolean;
      title?: string;
    }) => {
      const cat = catOf.get(c.category) ?? catOf.get("other");
      const sla = cat
        ? { acknowledgeDays: cat.a, firstAnswerDays: cat.f, resolveDays: cat.r }
        : DEFAULT_CASE_SLA;
      const departmentId = cat?.departmentId ?? fallbackDept?.id ?? null;
      const due = caseDeadlines(calendar, sla, { submittedAt: c.submittedAt });
      const title = c.title ?? pick(PROBLEMS[c.category] ?? PROBLEMS.other ?? ["其他问题"]);
      const acknowledgedAt = addWorkingDays(calendar, c.submittedAt, rand() < 0.8 ? 0 : 1, {
        closeOfBusiness: "16:00",
      });
      const ackAt =
        acknowledgedAt.getTime() < c.submittedAt.getTime()
          ? new Date(c.submittedAt.getTime() + 3600_000)
          : acknowledgedAt;
      const answerDays = 1 + Math.floor(rand() * (rand() < 0.9 ? sla.firstAnswerDays + 3 : sla.resolveDays));
      const answeredAt = addWorkingDays(calendar, c.submittedAt, answerDays, { closeOfBusiness: "15:00" });
      const finished = !c.open && answeredAt.getTime() < today.getTime();
      const r = rand();
      const rating = finished ? (r < 0.82 ? "satisfied" : r < 0.97 ? "basically" : "notSatisfied") : null;
      const ratedAt = finished
        ? new Date(Math.min(answeredAt.getTime() + (1 + rand() * 3) * dayMs, today.getTime()))
        : null;
      const status = finished ? "closed" : ackAt.getTime() < today.getTime() ? "inProgress" : "new";
      const [row] = await sql.query<{ id: string }>(
        `insert into cases (tracking_number, channel, category, department_id, status, title, description, contact,
                            enterprise_name, enterprise_id, salon_id, submitted_at, acknowledged_at,
                            first_answered_at, answered_at, resolved_at, closed_at, rating, rated_at,
                            acknowledge_due, first_answer_due, resolve_due)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $14, $15, $16, $15, $17, $18, $19)
         returning id`,
        [
          generateTrackingNumber(c.submittedAt, bytes()),
          c.channel,
          c.category,
          departmentId,
          status,
          title,
          `${title}。${c.channel === "salon" ? "在亲清夜沙龙上提出，" : ""}希望有关部门协调解决。`,
          c.enterprise
            ? `${pick(SURNAMES)}先生 / 0573-85${String(100000 + Math.floor(rand() * 899999))}`
            : "",
          c.enterprise?.name ?? "",
          c.enterprise?.id ?? null,
          c.salonId ?? null,
          c.submittedAt.toISOString(),
          status === "new" ? null : ackAt.toISOString(),
          finished ? answeredAt.toISOString() : null,
          finished ? ratedAt?.toISOString() : null,
          rating,
          due.acknowledge.toISOString(),
          due.firstAnswer.toISOString(),
          due.resolve.toISOString(),
        ],
      );
      const id = (row as { id: string }).id;
      const ev = (at: Date, type: string, to: string | null, text: string | null = null, extra = "") =>
        sql.query(
          `insert into case_events (case_id, at, type, visibility, text_public, actor_kind, to_status, to_department_id, text, rating)
           values ($1, $2, $3, 'public', $4, $5, $6, $7, $8, $9)`,
          [
            id,
            at.toISOString(),
            type,
            type === "answer" || type === "rate",
            type === "rate" ? "submitter" : type === "submitted" ? "coordinator" : "department",
            to,
            type === "routed" ? departmentId : null,
            text,
            extra || null,
          ],
        );
      await ev(c.submittedAt, "submitted", "new");
      await ev(c.submittedAt, "routed", null);
      if (status !== "new") await ev(ackAt, "acknowledge", "acknowledged");
      if (finished && ratedAt && rating) {
        await ev(
          answeredAt,
          "answer",
          "answered",
          `关于“${title}”：已会同有关部门研究，答复如下：……（演示数据）`,
        );
        await ev(ratedAt, "rate", "closed", null, rating);
        closed++;
      }
      cases++;
    };

    for (let i = 0; i < SALONS; i++) {
      const heldOn = new Date(start + ((i + rand()) / SALONS) * 365 * dayMs);
      const date = new Date(heldOn.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const attendees = Math.max(1, Math.round(ENTREPRENEURS_PER_SALON * (0.6 + rand() * 0.8)));
      const names = Array.from(
        { length: attendees },
        () => `${pick(SURNAMES)}总（${pick(enterprises)?.name ?? "平湖服装企业"}）`,
      );
      const [salon] = await sql.query<{ id: string }>(
        `insert into salons (held_on, place, topic, hosts, attendees, attendee_count)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [date, pick(PLACES), "亲清夜沙龙 · 政企面对面", pick(HOSTS), names.join("\n"), attendees],
      );
      // Problems arrive at the scaled rate: the running total follows 685 / 2,532 per salon.
      const due = Math.round((i + 1) * PROBLEMS_PER_SALON) - salonProblems;
      for (let k = 0; k < due; k++) {
        salonProblems++;
        const submittedAt = shanghaiInstant(date, 20 * 60 + Math.floor(rand() * 90));
        // Keep the closure share of seed 004: the last ones of the year may still be open.
        const open = closedTarget.n >= Math.floor(Math.round(SALONS * PROBLEMS_PER_SALON) * CLOSED_SHARE);
        if (!open) closedTarget.n++;
        await addCase({
          channel: "salon",
          submittedAt,
          category: weighted(),
          salonId: (salon as { id: string }).id,
          enterprise: rand() < 0.7 ? (pick(enterprises) ?? null) : null,
          open,
        });
      }
    }
    // Other channels: environmental petitions (seed 000: handled 100 %), labour disputes, enterprises, the web.
    const others: [string, string, number][] = [
      ["petition", "environment", 5],
      ["labourDispute", "labourAndTalent", 3],
      ["enterprise", "", 4],
      ["phone", "", 2],
      ["web", "", 2],
    ];
    for (const [channel, category, n] of others) {
      for (let k = 0; k < n; k++) {
        const submittedAt = new Date(start + rand() * 365 * dayMs);
        const recent = today.getTime() - submittedAt.getTime() < 20 * dayMs;
        await addCase({
          channel,
          submittedAt,
          category: category || weighted(),
          enterprise:
            channel === "enterprise" && pilot && k < 2
              ? pilot
              : channel === "enterprise" || channel === "phone"
                ? (pick(enterprises) ?? null)
                : null,
          open: channel !== "petition" && recent,
        });
      }
    }
    return { loaded: true, salons: SALONS, cases, closed };
  });
}
