import { type Static, Type } from "@sinclair/typebox";
import { Nullable } from "../../platform/schemas.ts";
import { IMPORT_FIELDS } from "./columns.ts";
import { JOB_STATUSES, ROW_STATUSES } from "./repo.ts";

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const JobStatus = literals(JOB_STATUSES);
export const RowStatus = literals(ROW_STATUSES);

export const ImportSummary = Type.Object({
  total: Type.Integer(),
  error: Type.Integer(),
  match: Type.Integer(),
  potential_match: Type.Integer(),
  new: Type.Integer(),
  unchanged: Type.Integer(),
});

export const ImportJob = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    filename: Type.String(),
    status: JobStatus,
    progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
    summary: ImportSummary,
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    createdAt: Type.String(),
    createdBy: Type.String(),
  },
  { description: "One uploaded list: parsing → preview → committing → committed (or failed, cancelled)" },
);
export type ImportJob = Static<typeof ImportJob>;

/** The cells of a row by field, as text; the keys are the columns the file has. */
export const RowData = Type.Object(
  Object.fromEntries(
    IMPORT_FIELDS.map((f) => [f, Type.Optional(Nullable(Type.String({ maxLength: 1000 })))]),
  ),
  { additionalProperties: false },
);

export const ImportCandidate = Type.Object({
  enterpriseId: Type.String(),
  name: Type.String(),
  uscc: Type.String(),
  score: Type.Number({ description: "Name similarity in [0, 1]" }),
});

export const ImportRow = Type.Object({
  rowNumber: Type.Integer({ description: "The row as the spreadsheet numbers it" }),
  status: RowStatus,
  data: Type.Record(Type.String(), Nullable(Type.String())),
  errors: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
  candidates: Type.Array(ImportCandidate),
  decision: Nullable(Type.Union([Type.Literal("confirm"), Type.Literal("reject")])),
  enterpriseId: Nullable(Type.String()),
});
export type ImportRow = Static<typeof ImportRow>;

export const ImportUpload = Type.Object({
  file: Type.String({ format: "binary", description: "The list: XLSX, or CSV in UTF-8 or GB18030 (GBK)" }),
});

export const ImportParams = Type.Object({ id: Type.String({ format: "uuid" }) });
export const ImportRowParams = Type.Object({
  id: Type.String({ format: "uuid" }),
  rowNumber: Type.Integer({ minimum: 1 }),
});

export const ImportRowsQuery = Type.Object(
  {
    status: Type.Optional(RowStatus),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

export const ImportRowEdit = Type.Object(
  {
    data: Type.Object(RowData.properties, {
      additionalProperties: false,
      description: "Cells to change (null clears one); cells left out keep their value",
    }),
  },
  { additionalProperties: false },
);

export const ImportDecision = Type.Object(
  {
    decision: Type.Union([Type.Literal("confirm"), Type.Literal("reject")]),
    enterpriseId: Type.Optional(Type.String({ format: "uuid", description: "One of the row's candidates" })),
  },
  { additionalProperties: false },
);
