// Case data for the benchmarks (issue 5): N cases over 15 months ending today, generated in SQL one month per
// statement (like supervision-load.ts does for lots), with their timelines. Tracking numbers are drawn in JavaScript
// with the rules' generateTrackingNumber (the GF(32) check symbol) and deadlines with caseDeadlines on the working-day
// calendar, both per day; everything else (channel, category, department, times, status, rating, events) is drawn in
// SQL from them.
import {
  caseDeadlines,
  DEFAULT_CASE_SLA,
  generateTrackingNumber,
  isWorkingDay,
  seededRandom,
  shanghaiDate,
  shanghaiInstant,
  TRACKING_RANDOM_BYTES,
} from "@jingwei/rules";
import { workCalendar } from "../apps/server/src/modules/cases/calendar.ts";
import { insertRows, withoutSecondaryIndexes } from "../apps/server/src/modules/demo/supervision-bulk.ts";
import type { Db } from "../apps/server/src/platform/db.ts";
import { hashPassword } from "../apps/server/src/platform/passwords.ts";
import type { Generated } from "./generate.ts";

export const CASE_BENCH_PASSWORD = "bench-password-1";
const DAY_MS = 86_400_000;

export interface CaseLoadPhase {
  label: string;
  seconds: number;
  rows?: number;
}

export interface BenchAccount {
  id: string;
  username: string;
}

export interface CaseLoad {
  cases: number;
  events: number;
  salons: number;
  /** First and last day of submission (Shanghai dates). */
  from: string;
  to: string;
  seconds: number;
  phases: CaseLoadPhase[];
  /** Cases per status, and open cases past their resolve deadline, when the load ended. */
  statuses: Record<string, number>;
  overdue: number;
  users: {
    coordinator: BenchAccount;
    /** The member of the department the work-queue scenario is measured for. */
    member: BenchAccount & { departmentId: string; departmentCode: string; cases: number };
  };
}

type Log = (s: string) => void;

/** Share of channels (seed 004 and 000: salons and petitions are a minority; most arrive on the web or by phone). */
const CHANNELS: [string, number][] = [
  ["web", 0.35],
  ["enterprise", 0.25],
  ["phone", 0.15],
  ["salon", 0.08],
  ["letter", 0.05],
  ["petition", 0.07],
  ["labourDispute", 0.05],
];
/** As the demo's salons (cases/demo.ts). */
const CATEGORIES: [string, number][] = [
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
const TITLES: Record<string, string[]> = {
  policy: [
    "技改补助政策申报条件咨询",
    "小升规奖励兑现进度",
    "数字化改造专项资金如何申请",
    "高新技术企业认定辅导",
  ],
  finance: ["流动资金贷款续贷困难", "出口信用保险保费补贴", "增值税留抵退税办理", "应收账款融资渠道"],
  landAndPremises: ["厂房扩建用地指标", "标准厂房租金上涨", "工业用地容积率调整", "厂区消防验收进度"],
  labourAndTalent: ["旺季缝纫工招工难", "外地员工子女入学", "技能人才评价申报", "社保缴费基数调整咨询"],
  environment: ["印花废水纳管排放", "锅炉煤改气补助", "VOCs治理设备验收", "排污许可证延续"],
  qualityAndInspection: ["出口服装检验周期过长", "童装绳带标准解读", "检测费用减免", "纺织品标签要求咨询"],
  marketAccess: ["欧盟市场新规应对", "跨境电商海外仓备案", "展会补贴申请", "原产地证办理时限"],
  legal: ["外贸合同纠纷法律咨询", "商标被抢注维权", "劳动合同范本审核", "知识产权海外维权"],
  other: ["企业门口道路破损", "园区公交线路调整", "网络信号差", "园区路灯损坏"],
};
const DETAILS = [
  "希望有关部门协调解决。",
  "已多次咨询未果，请尽快答复。",
  "涉及企业正常生产经营，恳请帮助。",
  "请告知办理流程和所需材料。",
  "周边多家服装企业反映同样问题。",
];
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡沈钱顾陆"];

/** `case when r < a then 'x' when r < a + b then 'y' … end` for weighted picks in SQL. */
function weightedCase(r: string, items: [string, number][]): string {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const arms = items.slice(0, -1).map(([v, w]) => {
    acc += w / total;
    return `when ${r} < ${acc.toFixed(6)} then '${v}'`;
  });
  return `case ${arms.join(" ")} else '${items.at(-1)?.[0]}' end`;
}

/**
 * One month of cases and their timelines in one statement. Times follow the deadlines: most cases are acknowledged
 * and answered in time, a fifth answered late; a case's status is what its drawn history has reached by now (so the
 * last weeks are open, older cases mostly closed); 0.6 % never get answered (the overdue queue).
 */
const MONTH_STATEMENT = `
with src as (
  select n.tracking, n.day,
    random() as r_chan, random() as r_cat, random() as r_time, random() as r_ack, random() as r_ans,
    random() as r_end, random() as r_rate, random() as r_delay, random() as r_a, random() as r_b, random() as r_c,
    random() as r_e, random() as r_t, random() as r_tr, random() as r_note
  from bench_case_numbers n where n.day between $1::date and $2::date
), ch as (
  select s.*, ${weightedCase("s.r_chan", CHANNELS)} as channel from src s
), ct as (
  select ch.*,
    case when channel = 'petition' and r_a < 0.8 then 'environment'
         when channel = 'labourDispute' then 'labourAndTalent'
         else ${weightedCase("r_cat", CATEGORIES)} end as category,
    channel = 'web' and r_b < 0.004 as held,
    case when r_end < 0.025 then 'duplicate' when r_end < 0.055 then 'notResponsible'
         when r_end < 0.07 then 'withdrawn' when r_end < 0.076 then 'stuck' else 'normal' end as outcome,
    r_rate < 0.8 as rated,
    least(((day + case when channel = 'salon' then time '20:00' + r_time * interval '90 minutes'
                       else time '08:30' + r_time * interval '9 hours' end) - interval '8 hours') at time zone 'UTC',
          $3::timestamptz - (1 + r_b * 120) * interval '1 minute') as sub
  from ch
), t1 as (
  select ct.*, d.ack_due, d.first_due, d.resolve_due, cc.department_id as cat_dept,
    case when r_ack < 0.06 then sub + (d.ack_due - sub) * (1 + r_ack * 8)
         else sub + (d.ack_due - sub) * (0.05 + 0.9 * r_ack) end as ack_at,
    case when r_ans < 0.8 then sub + (d.first_due - sub) * (0.25 + 0.9 * r_ans)
         else sub + (d.first_due - sub) * (1 + (r_ans - 0.8) * 5) end as ans_raw
  from ct join bench_case_due d on d.day = ct.day and d.category = ct.category
    join case_categories cc on cc.code = ct.category
), t2 as (
  select t1.*, greatest(ans_raw, ack_at + interval '1 hour') as ans_at,
    case when held then ack_at + interval '1 hour'
         when outcome = 'duplicate' then sub + (2 + 20 * r_delay) * interval '1 hour'
         when outcome = 'notResponsible' then ack_at + (1 + 48 * r_delay) * interval '1 hour'
         when outcome = 'withdrawn' then sub + (0.5 + 6 * r_delay) * interval '1 day' end as end_at
  from t1
), t3 as (
  select t2.*, ans_at + (0.3 + 3.5 * r_delay) * interval '1 day' as rate_at,
    case when rated then ans_at + (0.3 + 3.5 * r_delay) * interval '1 day' else ans_at + interval '9 days' end as close_at
  from t2
), st as (
  select t3.*,
    case
      when held then case when end_at <= $3::timestamptz then 'notResponsible' else 'new' end
      when outcome = 'duplicate' then case when end_at <= $3::timestamptz then 'duplicate' else 'new' end
      when outcome in ('notResponsible', 'withdrawn') then
        case when end_at <= $3::timestamptz then outcome when ack_at <= $3::timestamptz then 'inProgress' else 'new' end
      when outcome = 'stuck' then case when ack_at <= $3::timestamptz then 'inProgress' else 'new' end
      when close_at <= $3::timestamptz then 'closed'
      when ans_at <= $3::timestamptz then 'answered'
      when ack_at <= $3::timestamptz then case when r_a < 0.6 then 'inProgress' else 'acknowledged' end
      else 'new' end as status
  from t3
), f as (
  select st.*, gen_random_uuid() as id,
    -- 'other' has no department by category: the coordinator assigns one once the case is looked at.
    case when held then null
         when cat_dept is not null then cat_dept
         when status <> 'new' then ($6::uuid[])[1 + floor(r_c * cardinality($6::uuid[]))::int] end as first_dept,
    status in ('acknowledged', 'inProgress', 'answered', 'closed')
      or (status in ('notResponsible', 'withdrawn') and ack_at <= end_at) as has_ack,
    status in ('answered', 'closed') as has_answer,
    case when status in ('notResponsible', 'withdrawn', 'duplicate') then end_at
         when status = 'closed' then close_at end as ended_at,
    status = 'closed' and rated as is_rated,
    case when r_c < 0.82 then 'satisfied' when r_c < 0.97 then 'basically' else 'notSatisfied' end as rating_value,
    case when channel = 'enterprise' or (channel in ('phone', 'salon') and r_e < 0.5)
         then 1 + floor(r_t * cardinality($4::uuid[]))::int end as ent_i
  from st
), g as (
  select f.*,
    -- 4 % are transferred once to another department before they are acknowledged.
    case when first_dept is not null and status <> 'new' and r_tr < 0.04
         then ($6::uuid[])[1 + floor(r_tr * 25 * cardinality($6::uuid[]))::int] else first_dept end as dept,
    t.titles[1 + floor(r_t * cardinality(t.titles))::int] as title
  from f join bench_case_text t on t.category = f.category
), ins as (
  insert into cases (id, tracking_number, channel, category, department_id, status, title, description, contact,
    enterprise_name, enterprise_id, salon_id, submitted_at, acknowledged_at, first_answered_at, answered_at,
    resolved_at, closed_at, rating, rated_at, acknowledge_due, first_answer_due, resolve_due, held_for_review,
    abuse_score, abuse_reasons, updated_at)
  select id, tracking, channel, category, dept, status, title,
    title || '。' || ($7::text[])[1 + floor(r_e * cardinality($7::text[]))::int],
    case when channel in ('web', 'phone', 'letter') or ent_i is not null
         then ($8::text[])[1 + floor(r_a * cardinality($8::text[]))::int] || (case when r_b < 0.5 then '先生' else '女士' end)
              || ' 13' || lpad((floor(r_delay * 1e9))::bigint::text, 9, '0') else '' end,
    case when ent_i is not null then ($5::text[])[ent_i] when channel = 'web' and r_e < 0.3 then '平湖某服装企业' else '' end,
    case when ent_i is not null then ($4::uuid[])[ent_i] end,
    case when channel = 'salon' and cardinality($9::uuid[]) > 0
         then ($9::uuid[])[1 + floor(r_e * cardinality($9::uuid[]))::int] end,
    sub, case when has_ack then ack_at end, case when has_answer then ans_at end, case when has_answer then ans_at end,
    case when has_answer then ans_at when status in ('notResponsible', 'withdrawn', 'duplicate') then end_at end,
    ended_at, case when is_rated then rating_value end, case when is_rated then rate_at end,
    ack_due, first_due, resolve_due, held, case when held then 0.8 else 0 end,
    case when held then array['links']::text[] else '{}'::text[] end,
    coalesce(ended_at, case when has_answer then ans_at when has_ack then ack_at else sub end)
  from g
  returning 1
), ev as (
  insert into case_events (case_id, at, type, visibility, text_public, actor_kind, actor_name, from_status, to_status,
    from_department_id, to_department_id, text, rating)
  select g.id, v.at, v.type, v.visibility, v.text_public, v.actor_kind, v.actor_name, v.from_status, v.to_status,
    v.from_dept, v.to_dept, v.text, v.rating
  from g cross join lateral (values
    (true, sub, 'submitted', 'public', false,
     case when channel in ('web', 'enterprise') then 'submitter' else 'coordinator' end, '', null, 'new',
     null::uuid, null::uuid, null, null),
    (first_dept is not null and cat_dept is not null, sub, 'routed', 'public', false, 'system', '', null, null,
     null, first_dept, null, null),
    (first_dept is not null and cat_dept is null, sub + interval '2 hours', 'assign', 'public', false,
     'coordinator', '协调员', 'new', 'new', null, first_dept, null, null),
    (dept is distinct from first_dept, sub + interval '3 hours', 'transfer', 'public', false, 'department', '承办人',
     'new', 'new', first_dept, dept, '不属于本部门职责，转相关部门办理', null),
    (has_ack, ack_at, 'acknowledge', 'public', false, 'department', '承办人', 'new', 'acknowledged', null, null,
     null, null),
    (has_ack and status <> 'acknowledged', ack_at + interval '30 minutes', 'start', 'public', false, 'department',
     '承办人', 'acknowledged', 'inProgress', null, null, null, null),
    (has_ack and r_note < 0.2, ack_at + interval '2 hours', 'note', 'internal', false, 'department', '承办人',
     null, null, null, null, '已电话联系企业，了解具体情况。', null),
    (has_answer, ans_at, 'answer', 'public', true, 'department', '承办人', 'inProgress', 'answered', null, null,
     '关于“' || title || '”：已会同有关部门研究，答复如下：……（基准测试数据）', null),
    (is_rated, rate_at, 'rate', 'public', true, 'submitter', '', 'answered', 'closed', null, null, null,
     rating_value),
    (status = 'closed' and not rated, close_at, 'close', 'public', false, 'system', '', 'answered', 'closed', null,
     null, null, null),
    (status = 'notResponsible', end_at, 'markNotResponsible', 'public', true, 'department', '承办人', 'inProgress',
     'notResponsible', null, null, '不属于本部门职责范围，已告知提交人可向有关单位反映。', null),
    (status = 'withdrawn', end_at, 'withdraw', 'public', false, 'submitter', '', 'inProgress', 'withdrawn', null,
     null, null, null),
    (status = 'duplicate', end_at, 'markDuplicate', 'public', false, 'coordinator', '协调员', 'new', 'duplicate',
     null, null, null, null)
  ) as v(cond, at, type, visibility, text_public, actor_kind, actor_name, from_status, to_status, from_dept, to_dept,
         text, rating)
  where v.cond
  returning 1
)
select (select count(*)::int from ins) as cases, (select count(*)::int from ev) as events`;

/** Days of the period with how many cases each gets: working days busier than weekends, a slow growth. */
function dayCounts(calendar: Awaited<ReturnType<typeof workCalendar>>, from: number, to: number, n: number) {
  const days: { day: string; weight: number }[] = [];
  for (let d = from; d <= to; d += DAY_MS) {
    const day = new Date(d).toISOString().slice(0, 10);
    const growth = 0.8 + (0.4 * (d - from)) / Math.max(1, to - from);
    days.push({ day, weight: (isWorkingDay(calendar, day) ? 1 : 0.25) * growth });
  }
  const total = days.reduce((s, x) => s + x.weight, 0);
  let given = 0;
  return days.map((x, i) => {
    const count = i === days.length - 1 ? n - given : Math.round((n * x.weight) / total);
    given += count;
    return { day: x.day, count };
  });
}

async function timed<T>(
  phases: CaseLoadPhase[],
  label: string,
  log: Log,
  fn: () => Promise<T>,
  rows?: number,
) {
  const t0 = performance.now();
  const r = await fn();
  const seconds = (performance.now() - t0) / 1000;
  phases.push({ label, seconds, ...(rows !== undefined ? { rows } : {}) });
  log(
    `${label}: ${seconds.toFixed(1)} s${rows !== undefined ? ` (${rows.toLocaleString("en-US")} rows)` : ""}`,
  );
  return r;
}

/** Calls rebuild_case_stats() when the rollup migration is there (0017); false otherwise. */
export async function rebuildCaseStats(db: Db): Promise<boolean> {
  const [fn] = await db.query("select 1 from pg_proc where proname = 'rebuild_case_stats'");
  if (!fn) return false;
  await db.query("select rebuild_case_stats()");
  return true;
}

/**
 * Loads `cases` cases (with salons, department members and a coordinator) into a migrated database that holds the
 * registry `registry`. The secondary indexes of cases and case_events are dropped during the load and built after it,
 * the rollup triggers are off and the rollup is rebuilt in one statement; then VACUUM ANALYZE.
 */
export async function loadCases(
  db: Db,
  opts: { cases: number; registry: Generated[]; months?: number; workers?: number; seed?: number; log: Log },
): Promise<CaseLoad> {
  const { log } = opts;
  const phases: CaseLoadPhase[] = [];
  const started = performance.now();
  const now = new Date();
  const today = shanghaiDate(now);
  const months = opts.months ?? 15;
  const firstDay = new Date(`${today}T00:00:00Z`);
  firstDay.setUTCMonth(firstDay.getUTCMonth() - months);
  const calendar = await workCalendar(db, db);
  const rand = seededRandom(opts.seed ?? 20_261_122);

  // Accounts: a coordinator and one member per department (submissions notify them, as in production).
  const hash = await hashPassword(CASE_BENCH_PASSWORD);
  const departments = await db.query<{ id: string; code: string }>(
    "select id, code from departments where active order by sort_order, code",
  );
  const [coordinator] = await db.query<BenchAccount>(
    `insert into users (username, display_name, role, password_hash)
     values ('bench-coordinator', '协调员（基准）', 'regulator', $1) returning id, username`,
    [hash],
  );
  const members = await db.query<BenchAccount & { departmentId: string; code: string }>(
    `with d as (select id, code from departments where active),
     u as (insert into users (username, display_name, role, password_hash)
           select 'bench-' || code, code || ' 承办人（基准）', 'inspector', $1 from d returning id, username),
     m as (insert into user_departments (user_id, department_id)
           select u.id, d.id from u join d on u.username = 'bench-' || d.code returning user_id, department_id)
     select u.id, u.username, d.id as "departmentId", d.code
       from m join u on u.id = m.user_id join d on d.id = m.department_id`,
    [hash],
  );
  const member = members.find((m) => m.code === "hrss") ?? members[0];
  if (!coordinator || !member) throw new Error("bench accounts not created");

  const counts = dayCounts(
    calendar,
    firstDay.getTime() + DAY_MS,
    new Date(`${today}T00:00:00Z`).getTime(),
    opts.cases,
  );
  const from = counts[0]?.day ?? today;

  await timed(phases, "salons, deadlines and texts", log, async () => {
    // About four salons a week, as Pinghu's towns hold them.
    await db.query(
      `insert into salons (held_on, place, topic, hosts, attendees, attendee_count)
       select d::date, '平湖经济技术开发区服务大厅', '亲清夜沙龙 · 政企面对面', '市经信局局长', '', 12
       from generate_series($1::date, $2::date, interval '1 day') d where extract(isodow from d) in (1, 2, 3, 4)`,
      [from, today],
    );
    await db.exec(`drop table if exists bench_case_due, bench_case_text, bench_case_numbers;
      create unlogged table bench_case_due (day date, category text, ack_due timestamptz, first_due timestamptz,
        resolve_due timestamptz, primary key (day, category));
      create unlogged table bench_case_text (category text primary key, titles text[]);
      create unlogged table bench_case_numbers (day date not null, tracking text not null);`);
    const slas = await db.query<{ code: string; a: number; f: number; r: number }>(
      `select code, acknowledge_days as a, first_answer_days as f, resolve_days as r from case_categories`,
    );
    const due = counts.flatMap(({ day }) =>
      slas.map((s) => {
        const d = caseDeadlines(
          calendar,
          s ? { acknowledgeDays: s.a, firstAnswerDays: s.f, resolveDays: s.r } : DEFAULT_CASE_SLA,
          { submittedAt: shanghaiInstant(day, 12 * 60) },
        );
        return { day, category: s.code, ack: d.acknowledge, first: d.firstAnswer, resolve: d.resolve };
      }),
    );
    await insertRows(
      db,
      "bench_case_due",
      [
        { name: "day", type: "date", value: (r: (typeof due)[number]) => r.day },
        { name: "category", type: "text", value: (r) => r.category },
        { name: "ack_due", type: "timestamptz", value: (r) => r.ack.toISOString() },
        { name: "first_due", type: "timestamptz", value: (r) => r.first.toISOString() },
        { name: "resolve_due", type: "timestamptz", value: (r) => r.resolve.toISOString() },
      ],
      due,
    );
    await insertRows(
      db,
      "bench_case_text",
      [
        { name: "category", type: "text", value: (r: [string, string[]]) => r[0] },
        { name: "titles", type: "text[]", value: (r) => r[1] },
      ],
      slas.map((s): [string, string[]] => [s.code, TITLES[s.code] ?? (TITLES.other as string[])]),
    );
  });

  await timed(
    phases,
    "tracking numbers (rules generateTrackingNumber)",
    log,
    async () => {
      const seen = new Set<string>();
      const bytes = new Uint8Array(TRACKING_RANDOM_BYTES);
      let days: string[] = [];
      let numbers: string[] = [];
      const flush = async () => {
        if (numbers.length === 0) return;
        await db.query(
          "insert into bench_case_numbers (day, tracking) select * from unnest($1::date[], $2::text[])",
          [days, numbers],
        );
        days = [];
        numbers = [];
      };
      for (const { day, count } of counts) {
        for (let k = 0; k < count; k++) {
          let t: string;
          do {
            for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(rand() * 256);
            t = generateTrackingNumber(day, bytes);
          } while (seen.has(t));
          seen.add(t);
          days.push(day);
          numbers.push(t);
        }
        if (numbers.length >= 50_000) await flush();
      }
      await flush();
      await db.exec("create index on bench_case_numbers (day); analyze bench_case_numbers");
    },
    opts.cases,
  );

  // Months are independent: `workers` at once, each in its own transaction on its own connection.
  const monthStarts: string[] = [];
  for (
    const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
    shanghaiDate(d) <= today;
    d.setUTCMonth(d.getUTCMonth() + 1)
  )
    monthStarts.push(d.toISOString().slice(0, 10));
  const departmentIds = departments.map((d) => d.id);
  const enterpriseIds = opts.registry.map((e) => e.id);
  const enterpriseNames = opts.registry.map((e) => e.name);
  let cases = 0;
  let events = 0;
  const loadStarted = performance.now();
  const loadMonth = async (start: string) => {
    const next = new Date(`${start}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const end = new Date(next.getTime() - DAY_MS).toISOString().slice(0, 10);
    const salons = (
      await db.query<{ id: string }>("select id from salons where held_on between $1 and $2", [start, end])
    ).map((s) => s.id);
    const t0 = performance.now();
    const [r] = await db.tx(async (sql) => {
      if (db.kind === "postgres") {
        await sql.query("set local synchronous_commit = off");
        await sql.query("set local jit = off");
      }
      return sql.query<{ cases: number; events: number }>(MONTH_STATEMENT, [
        start,
        end,
        now.toISOString(),
        enterpriseIds,
        enterpriseNames,
        departmentIds,
        DETAILS,
        SURNAMES,
        salons,
      ]);
    });
    cases += r?.cases ?? 0;
    events += r?.events ?? 0;
    const elapsed = (performance.now() - loadStarted) / 1000;
    log(
      `${start.slice(0, 7)}: ${(r?.cases ?? 0).toLocaleString("en-US")} cases in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s — ${cases.toLocaleString("en-US")} of ` +
        `${opts.cases.toLocaleString("en-US")}, ${events.toLocaleString("en-US")} events, ` +
        `${Math.round(cases / Math.max(elapsed, 0.001)).toLocaleString("en-US")} cases/s`,
    );
  };
  const workers = db.kind === "pglite" ? 1 : Math.max(1, opts.workers ?? 2);
  await db.query("alter table cases disable trigger user");
  try {
    await timed(phases, "secondary indexes dropped, cases and events loaded, indexes built", log, () =>
      withoutSecondaryIndexes(db, ["cases", "case_events"], async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: workers }, async () => {
            // A failed month stops the other worker too (next is moved past the end).
            for (let k = next++; k < monthStarts.length; k = next++)
              await loadMonth(monthStarts[k] as string).catch((err) => {
                next = monthStarts.length;
                throw err;
              });
          }),
        );
        phases.push({
          label: `cases and events (one statement a month, ${workers} at once)`,
          seconds: (performance.now() - loadStarted) / 1000,
          rows: cases + events,
        });
        log("building the secondary indexes");
      }),
    );
  } finally {
    await db.query("alter table cases enable trigger user");
  }

  await timed(phases, "duplicates linked to the case they repeat", log, () =>
    db.query(
      // The nearest earlier case of the same category that is not itself a duplicate.
      `with o as (
         select id, status, category,
           count(*) filter (where status <> 'duplicate') over (partition by category order by submitted_at, id) as grp
         from cases),
       t as (select distinct on (category, grp) category, grp, id from o where status <> 'duplicate'
             order by category, grp, id)
       update cases c set duplicate_of = t.id from o join t on t.category = o.category and t.grp = o.grp
        where o.status = 'duplicate' and c.id = o.id`,
    ),
  );
  await timed(phases, "case statistics rollup rebuilt", log, () => rebuildCaseStats(db));
  await timed(phases, "VACUUM ANALYZE", log, () =>
    db
      .exec("drop table bench_case_due, bench_case_text, bench_case_numbers")
      .then(() => db.exec("vacuum analyze")),
  );

  const statusRows = await db.query<{ status: string; n: number }>(
    "select status, count(*)::int as n from cases group by status order by n desc",
  );
  const [overdue] = await db.query<{ n: number }>(
    `select count(*)::int as n from cases where status in ('new', 'acknowledged', 'inProgress') and resolve_due < now()`,
  );
  const [mine] = await db.query<{ n: number }>(
    "select count(*)::int as n from cases where department_id = $1",
    [member.departmentId],
  );
  const [salonCount] = await db.query<{ n: number }>("select count(*)::int as n from salons");
  return {
    cases,
    events,
    salons: salonCount?.n ?? 0,
    from,
    to: today,
    seconds: (performance.now() - started) / 1000,
    phases,
    statuses: Object.fromEntries(statusRows.map((r) => [r.status, r.n])),
    overdue: overdue?.n ?? 0,
    users: {
      coordinator,
      member: {
        id: member.id,
        username: member.username,
        departmentId: member.departmentId,
        departmentCode: member.code,
        cases: mine?.n ?? 0,
      },
    },
  };
}
