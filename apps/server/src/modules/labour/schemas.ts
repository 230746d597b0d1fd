import { LABOUR_RULE_IDS } from "@jingwei/rules";
import { Type } from "@sinclair/typebox";

export const TimesheetRowSchema = Type.Object(
  {
    workerId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: "工号: the worker's id in the enterprise",
    }),
    date: Type.String({ description: "日期: the calendar date, YYYY-MM-DD; one row per worker and date" }),
    hours: Type.Number({ description: "工时: all hours worked that day, overtime included, 0–24" }),
    overtimeHours: Type.Number({
      description:
        "加班工时: the part of `hours` that is overtime (≤ hours); all hours of a rest day or holiday",
    }),
    restDay: Type.Boolean({
      description: "休息日: a scheduled rest day worked without time off in lieu (200 %)",
    }),
    holiday: Type.Boolean({
      description: "节假日: a statutory holiday (300 %; takes precedence over restDay)",
    }),
    pay: Type.Number({
      description:
        "工资: regular pay (CNY, overtime pay excluded) attributed to this row — the day's pay, or the monthly wage " +
        "on one row of the month and 0 on the others; only its sum over a worker-month is used",
    }),
    overtimePay: Type.Number({ description: "加班工资: overtime pay (CNY) for this row's overtimeHours" }),
    socialInsurance: Type.Boolean({
      description: "社保: social insurance was paid for the worker for this day",
    }),
  },
  { additionalProperties: false },
);

export const LabourCheckBody = Type.Object(
  {
    county: Type.String({
      pattern: "^\\d{6}$",
      description: "GB/T 2260 county code whose minimum wage tier applies, e.g. 330482 (平湖市)",
    }),
    rows: Type.Array(TimesheetRowSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const LabourCheckQuery = Type.Object({
  limit: Type.Integer({
    minimum: 0,
    maximum: 20_000,
    default: 2000,
    description: "how many findings to return (all are counted in byRule and totalFindings)",
  }),
  enterpriseId: Type.Optional(
    Type.String({ format: "uuid", description: "the enterprise checked (an enterprise user: its own only)" }),
  ),
  county: Type.Optional(
    Type.String({ pattern: "^\\d{6}$", description: "for uploads: the county (default 330482)" }),
  ),
});

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const LabourFindingSchema = Type.Object({
  rule: Type.Union(LABOUR_RULE_IDS.map((r) => Type.Literal(r))),
  workerId: Type.String(),
  period: Type.String({ description: "a date 2024-03-04, an ISO week 2024-W10 or a month 2024-03, by rule" }),
  severity: Type.Union([Type.Literal("low"), Type.Literal("medium"), Type.Literal("high")]),
  detail: Bilingual,
  values: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
});

const Percent = (description: string) => Type.Number({ minimum: 0, maximum: 100, description });

/** Shares of workers in compliance, percent (labour/trends.ts complianceOf). */
export const ComplianceSchema = Type.Object({
  overtime: Percent("at most 36 h of overtime in the month"),
  restDay: Percent("no run of 7 worked days starting in the month"),
  minimumWage: Percent("paid at least the minimum wage"),
  overtimePay: Percent("overtime paid at 150 / 200 / 300 %"),
  paidInFull: Percent("both: wages paid monthly and in full"),
  socialInsurance: Percent("insured every day of the month"),
});

export const LabourCheckResultSchema = Type.Object({
  county: Type.String(),
  rows: Type.Integer(),
  workers: Type.Integer(),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  totalFindings: Type.Integer(),
  byRule: Type.Array(Type.Object({ rule: Type.String(), findings: Type.Integer(), workers: Type.Integer() })),
  findings: Type.Array(LabourFindingSchema),
  truncated: Type.Boolean(),
  monthlyAverageHours: Type.Array(
    Type.Object({ month: Type.String(), workers: Type.Integer(), averageHours: Type.Number() }),
  ),
  monthly: Type.Array(
    Type.Object(
      {
        month: Type.String(),
        workers: Type.Integer({ description: "workers with rows in the month" }),
        totalHours: Type.Number(),
        averageHours: Type.Number(),
        overtimeOver36h: Type.Integer({ description: "workers with more than 36 h of overtime" }),
        restDayBreaches: Type.Integer({
          description: "workers with a run of 7+ worked days starting in the month",
        }),
        minimumWageShortfalls: Type.Integer(),
        overtimePayShortfalls: Type.Integer(),
        paidInFull: Type.Integer({
          description: "workers neither below the minimum wage nor short of overtime pay",
        }),
        insured: Type.Integer({ description: "workers insured on every row of the month" }),
        compliance: ComplianceSchema,
      },
      { description: "per month: hours and the workers concerned by each kind of breach" },
    ),
  ),
  metrics: Type.Record(Type.String(), Type.Number()),
});

export const LabourTrendsQuery = Type.Object({
  enterpriseId: Type.Optional(
    Type.String({
      format: "uuid",
      description: "one enterprise's months beside the cluster's (enterprise users: own)",
    }),
  ),
  from: Type.Optional(
    Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "first month, YYYY-MM" }),
  ),
  to: Type.Optional(Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "last month, YYYY-MM" })),
});

const TrendMonthSchema = Type.Object({
  month: Type.String(),
  enterprises: Type.Integer(),
  workers: Type.Integer(),
  averageHours: Type.Number({ description: "worker-weighted: all hours ÷ all worker-months" }),
  compliance: ComplianceSchema,
});

export const LabourTrendsSchema = Type.Object({
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  reference: Type.Object({ standardMonthlyHours: Type.Number(), maxMonthlyOvertimeHours: Type.Number() }),
  cluster: Type.Array(TrendMonthSchema),
  clusterMinimumEnterprises: Type.Integer(),
  enterprise: Type.Union([
    Type.Object({ id: Type.String(), name: Type.String(), months: Type.Array(TrendMonthSchema) }),
    Type.Null(),
  ]),
  enterprises: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), months: Type.Integer() })),
  enterprisesMore: Type.Boolean({ description: "more enterprises have months than the 200 listed" }),
});
