// Shapes of the indicators API (apps/server/src/modules/indicators/schemas.ts) as the console uses them.

export type Scope = "cluster" | "town" | "enterprise";
export type Mode = "verification" | "general" | "stringent" | "special";

export interface IndicatorValues {
  lots: number;
  valueUsd: number;
  selfPassed: number;
  /** Percent; null when there were no lots. */
  selfInspectionPassRate: number | null;
  /** Percent of round-1 inspections accepted; null when nothing was inspected. */
  officialPassRate: number | null;
  inspected: number;
  officialAccepted: number;
  officialRejected: number;
  releasedWithoutInspection: number;
  lotsByMode: Record<Mode, number>;
  /** CNY. */
  feesWaived: number;
}

export interface IndicatorPoint extends IndicatorValues {
  period: string;
}

export interface Targets {
  selfInspectionPassRate: number;
  officialPassRate: number;
}

export interface IndicatorSeries {
  scope: Scope;
  id: string | null;
  name: string | null;
  granularity: "month" | "year";
  from: string;
  to: string;
  targets: Targets;
  total: IndicatorValues;
  series: IndicatorPoint[];
}

export interface TownIndicators extends IndicatorValues {
  townCode: string;
  townName: string | null;
}

export interface Dashboard {
  period: string;
  granularity: "month" | "year";
  targets: Targets;
  totals: IndicatorValues;
  byMode: Record<Mode, number>;
  towns: TownIndicators[];
  monthly: IndicatorPoint[];
}

export const MODES: Mode[] = ["verification", "general", "stringent", "special"];
