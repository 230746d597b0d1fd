import { type Static, Type } from "@sinclair/typebox";
import { Paging } from "../../platform/schemas.ts";

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Nullable(Type.String({ maxLength: max }));
const DateText = Nullable(Type.String({ format: "date" }));

export const Certification = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 40 }),
    number: Type.Optional(Text(100)),
    issuer: Type.Optional(Text(200)),
    validFrom: Type.Optional(DateText),
    validTo: Type.Optional(DateText),
  },
  { additionalProperties: false },
);

export const Honour = Type.Object(
  {
    type: Type.Optional(Text(40)),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    level: Type.Optional(Text(40)),
    issuer: Type.Optional(Text(200)),
    recognisedOn: Type.Optional(DateText),
    documentNumber: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);

export const Brand = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Union([Type.Literal("brand"), Type.Literal("trademark"), Type.Literal("famous_trademark")]),
    registeredOn: Type.Optional(DateText),
  },
  { additionalProperties: false },
);

export const Contact = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    role: Type.Optional(Text(50)),
    phone: Type.Optional(Text(40)),
    email: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);

const editable = {
  uscc: Type.String({ minLength: 1, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  formerNames: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 }),
  aliases: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 }),
  legalRepresentative: Text(50),
  address: Text(300),
  town: Text(40),
  industryCode: Nullable(Type.String({ pattern: "^[A-T]?\\d{2,4}$" })),
  aboveScale: Type.Boolean(),
  employees: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()]),
  foundedOn: DateText,
  exportFlag: Type.Boolean(),
  mainProducts: Text(500),
  brands: Type.Array(Brand, { maxItems: 100 }),
  certifications: Type.Array(Certification, { maxItems: 100 }),
  honours: Type.Array(Honour, { maxItems: 200 }),
  contacts: Type.Array(Contact, { maxItems: 50 }),
};

export const EnterpriseCreate = Type.Object(
  {
    ...editable,
    formerNames: Type.Optional(editable.formerNames),
    aliases: Type.Optional(editable.aliases),
    legalRepresentative: Type.Optional(editable.legalRepresentative),
    address: Type.Optional(editable.address),
    town: Type.Optional(editable.town),
    industryCode: Type.Optional(editable.industryCode),
    aboveScale: Type.Optional(editable.aboveScale),
    employees: Type.Optional(editable.employees),
    foundedOn: Type.Optional(editable.foundedOn),
    exportFlag: Type.Optional(editable.exportFlag),
    mainProducts: Type.Optional(editable.mainProducts),
    brands: Type.Optional(editable.brands),
    certifications: Type.Optional(editable.certifications),
    honours: Type.Optional(editable.honours),
    contacts: Type.Optional(editable.contacts),
  },
  { additionalProperties: false },
);
export type EnterpriseCreate = Static<typeof EnterpriseCreate>;

export const EnterprisePatch = Type.Partial(Type.Object(editable), {
  additionalProperties: false,
  minProperties: 1,
});
export type EnterprisePatch = Static<typeof EnterprisePatch>;

export const EnterpriseSummary = Type.Object({
  id: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  town: Type.Union([Type.String(), Type.Null()]),
  townName: Type.Union([Type.String(), Type.Null()]),
  legalRepresentative: Type.Union([Type.String(), Type.Null()]),
  aboveScale: Type.Boolean(),
  employees: Type.Union([Type.Integer(), Type.Null()]),
  foundedOn: Type.Union([Type.String(), Type.Null()]),
  exportFlag: Type.Boolean(),
  mainProducts: Type.Union([Type.String(), Type.Null()]),
  isSynthetic: Type.Boolean(),
  updatedAt: Type.String(),
});
export type EnterpriseSummary = Static<typeof EnterpriseSummary>;

export const Enterprise = Type.Intersect([
  EnterpriseSummary,
  Type.Object({
    usccIsDemo: Type.Boolean(),
    formerNames: Type.Array(Type.String()),
    aliases: Type.Array(Type.String()),
    address: Type.Union([Type.String(), Type.Null()]),
    industryCode: Type.Union([Type.String(), Type.Null()]),
    brands: Type.Array(Brand),
    certifications: Type.Array(Certification),
    honours: Type.Array(Honour),
    contacts: Type.Array(Contact),
    createdAt: Type.String(),
  }),
]);
export type Enterprise = Static<typeof Enterprise>;
export type CertificationT = Static<typeof Certification>;
export type HonourT = Static<typeof Honour>;

export const SORTS = [
  "name",
  "-name",
  "employees",
  "-employees",
  "foundedOn",
  "-foundedOn",
  "updatedAt",
  "-updatedAt",
] as const;

export const EnterpriseFilters = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    town: Type.Optional(Type.String({ maxLength: 40 })),
    scale: Type.Optional(Type.Union([Type.Literal("above"), Type.Literal("below")])),
    certification: Type.Optional(Type.String({ maxLength: 40 })),
    honour: Type.Optional(Type.String({ maxLength: 40 })),
    exportFlag: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Union(SORTS.map((s) => Type.Literal(s)))),
  },
  { additionalProperties: false },
);
export type EnterpriseFilters = Static<typeof EnterpriseFilters>;

export const EnterpriseListQuery = Type.Composite([EnterpriseFilters, Paging], {
  additionalProperties: false,
});
export type EnterpriseListQuery = Static<typeof EnterpriseListQuery>;
