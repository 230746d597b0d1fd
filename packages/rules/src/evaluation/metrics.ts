// Platform metrics that computed indicators may name. The server computes the values (from timesheets, payroll,
// certificates, findings) and passes them to scoreAssessment; this module only knows names and units.

/** `namespace.camelCaseName`, at least two dot-separated parts: "labour.monthlyOvertimeOver36h". */
export const METRIC_NAME_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

export function isMetricName(x: unknown): x is string {
  return typeof x === "string" && METRIC_NAME_PATTERN.test(x);
}

export interface PlatformMetricInfo {
  unit: string;
  /** What the server must compute, in English. */
  description: string;
}

/**
 * Metrics the shipped systems use. A system may name others (validation warns): an administrator can add a
 * metric before the server computes it, and scoring then reports it missing.
 */
export const PLATFORM_METRICS: Readonly<Record<string, PlatformMetricInfo>> = {
  "labour.averageMonthlyHours": {
    unit: "h",
    description:
      "mean monthly working hours per worker over the assessment window (seed 000 tracks 320–350 h → 250–280 h)",
  },
  "labour.monthlyOvertimeOver36h": {
    unit: "%",
    description: "share of worker-months with more than 36 h overtime (Labour Law art. 41), percent",
  },
  "labour.restDayBreaches": {
    unit: "%",
    description: "share of workers with a run of 7 or more worked days (no day of rest in seven), percent",
  },
  "labour.overtimePayShortfalls": {
    unit: "%",
    description: "share of worker-months with overtime paid below 150 / 200 / 300 %, percent",
  },
  "labour.minimumWageShortfalls": {
    unit: "%",
    description: "share of worker-months paid below the county's minimum wage on that date, percent",
  },
  "labour.socialInsuranceCoverage": {
    unit: "%",
    description: "share of workers with social insurance in the last month of the window, percent",
  },
  "findings.openZeroTolerance": {
    unit: "count",
    description: "open zero-tolerance findings of the enterprise",
  },
  "certificates.inForce": {
    unit: "count",
    description: "management-system certificates in force (ISO 9001, 14001, 45001, SA8000 …)",
  },
};

export function isKnownMetric(name: string): boolean {
  return Object.hasOwn(PLATFORM_METRICS, name);
}
