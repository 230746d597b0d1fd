import { type Static, Type } from "@sinclair/typebox";
import { Nullable } from "../../platform/schemas.ts";

/** A calendar month, YYYY-MM. */
export const MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$";

export const Scope = Type.Union([Type.Literal("cluster"), Type.Literal("town"), Type.Literal("enterprise")]);
export type Scope = Static<typeof Scope>;

export const Granularity = Type.Union([Type.Literal("month"), Type.Literal("year")]);
export type Granularity = Static<typeof Granularity>;

export const IndicatorQuery = Type.Object(
  {
    scope: Type.Optional(Scope),
    id: Type.Optional(Type.String({ maxLength: 40 })),
    granularity: Type.Optional(Granularity),
    from: Type.Optional(Type.String({ pattern: MONTH_PATTERN })),
    to: Type.Optional(Type.String({ pattern: MONTH_PATTERN })),
  },
  { additionalProperties: false },
);
export type IndicatorQuery = Static<typeof IndicatorQuery>;

export const DashboardQuery = Type.Object(
  {
    period: Type.Optional(
      Type.String({ pattern: "^[0-9]{4}(-(0[1-9]|1[0-2]))?$", description: "YYYY (a year) or YYYY-MM" }),
    ),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuery>;

const LotsByMode = Type.Object({
  verification: Type.Integer(),
  general: Type.Integer(),
  stringent: Type.Integer(),
  special: Type.Integer(),
});

const valueFields = {
  lots: Type.Integer(),
  valueUsd: Type.Number(),
  selfPassed: Type.Integer(),
  /** 100 × self-inspection passed / lots; null without lots. */
  selfInspectionPassRate: Nullable(Type.Number()),
  /** 100 × official accepted / inspected (round 1); null without inspected lots. */
  officialPassRate: Nullable(Type.Number()),
  inspected: Type.Integer(),
  officialAccepted: Type.Integer(),
  officialRejected: Type.Integer(),
  releasedWithoutInspection: Type.Integer(),
  lotsByMode: LotsByMode,
  feesWaived: Type.Number(),
};

export const IndicatorValues = Type.Object(valueFields);
export type IndicatorValues = Static<typeof IndicatorValues>;

export const IndicatorPoint = Type.Object({ period: Type.String(), ...valueFields });
export type IndicatorPoint = Static<typeof IndicatorPoint>;

export const Targets = Type.Object({
  selfInspectionPassRate: Type.Number(),
  officialPassRate: Type.Number(),
});

export const IndicatorSeries = Type.Object({
  scope: Scope,
  id: Nullable(Type.String()),
  /** The town's or enterprise's name; null for the cluster. */
  name: Nullable(Type.String()),
  granularity: Granularity,
  from: Type.String(),
  to: Type.String(),
  targets: Targets,
  total: IndicatorValues,
  series: Type.Array(IndicatorPoint),
});
export type IndicatorSeries = Static<typeof IndicatorSeries>;

export const TownIndicators = Type.Object({
  /** '' for enterprises registered without a town. */
  townCode: Type.String(),
  townName: Nullable(Type.String()),
  ...valueFields,
});
export type TownIndicators = Static<typeof TownIndicators>;

export const Dashboard = Type.Object({
  period: Type.String(),
  granularity: Granularity,
  targets: Targets,
  totals: IndicatorValues,
  byMode: LotsByMode,
  towns: Type.Array(TownIndicators),
  /** The twelve months of the period's year. */
  monthly: Type.Array(IndicatorPoint),
});
export type Dashboard = Static<typeof Dashboard>;
