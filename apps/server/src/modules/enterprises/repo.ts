import type { Sql } from "../../platform/db.ts";
import type { Enterprise, EnterpriseFilters, EnterpriseSummary } from "./schemas.ts";

const SUMMARY_COLUMNS = `e.id, e.uscc, e.name, e.town_code as town, t.name as "townName",
  e.legal_representative as "legalRepresentative", e.above_scale as "aboveScale", e.employees,
  e.founded_on as "foundedOn", e.export_flag as "exportFlag", e.main_products as "mainProducts",
  e.is_synthetic as "isSynthetic", to_char(e.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"`;

const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, e.uscc_is_demo as "usccIsDemo", e.former_names as "formerNames",
  e.aliases, e.address, e.industry_code as "industryCode", e.brands, e.contacts,
  to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`;

const SORT_SQL: Record<string, string> = {
  name: "e.name asc, e.id",
  "-name": "e.name desc, e.id",
  employees: "e.employees asc nulls last, e.id",
  "-employees": "e.employees desc nulls last, e.id",
  foundedOn: "e.founded_on asc nulls last, e.id",
  "-foundedOn": "e.founded_on desc nulls last, e.id",
  updatedAt: "e.updated_at asc, e.id",
  "-updatedAt": "e.updated_at desc, e.id",
};

export interface ListScope {
  /** Enterprise users see one enterprise only; null for staff. */
  enterpriseId: string | null;
}

export interface SearchTerms {
  /** A valid USCC typed in full: exact lookup. */
  uscc: string | null;
  /** A tsquery in the 'simple' configuration, from searchQuery(); null with `text` set: nothing searchable. */
  tsquery: string | null;
  /** The raw text, to rank exact names first. */
  text: string | null;
}

function whereClause(filters: EnterpriseFilters, terms: SearchTerms, scope: ListScope) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sqlWithPlaceholder: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sqlWithPlaceholder(`$${params.length}`));
  };
  if (scope.enterpriseId) add((p) => `e.id = ${p}`, scope.enterpriseId);
  if (terms.uscc) add((p) => `e.uscc = ${p}`, terms.uscc);
  else if (terms.tsquery) add((p) => `e.search_tokens @@ to_tsquery('simple', ${p})`, terms.tsquery);
  else if (terms.text) where.push("false"); // text with nothing searchable in it (only punctuation) matches nothing
  if (filters.town) add((p) => `e.town_code = ${p}`, filters.town);
  if (filters.scale) add((p) => `e.above_scale = ${p}`, filters.scale === "above");
  if (filters.exportFlag !== undefined) add((p) => `e.export_flag = ${p}`, filters.exportFlag);
  if (filters.certification)
    add(
      (p) =>
        `exists (select 1 from enterprise_certifications c where c.enterprise_id = e.id and c.type = ${p})`,
      filters.certification,
    );
  if (filters.honour)
    add(
      (p) => `exists (select 1 from enterprise_honours h where h.enterprise_id = e.id and h.type = ${p})`,
      filters.honour,
    );
  return { where: where.length ? `where ${where.join(" and ")}` : "", params };
}

/**
 * The ids of one page, in order (bench/RESULTS.md has the measurements behind this shape). With search text and
 * no explicit sort: exact name or alias first, then the other matches by (length(name), name, id), an order the
 * index enterprises_rank_idx walks and stops after a page on broad queries.
 */
function pageIdsQuery(
  filters: EnterpriseFilters,
  terms: SearchTerms,
  scope: ListScope,
  page: { limit: number; offset: number },
) {
  const { where, params } = whereClause(filters, terms, scope);
  const push = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (!filters.sort && terms.text && terms.tsquery) {
    const text = push(terms.text);
    const exact = `(e.name = ${text} or e.aliases @> array[${text}::text])`;
    const and = where ? `${where} and` : "where";
    const upTo = push(page.limit + page.offset);
    const limit = push(page.limit);
    const offset = push(page.offset);
    return {
      sql: `select id from (
          (select e.id, 0 as exact, length(e.name) as len, e.name from enterprises e ${and} ${exact})
          union all
          (select e.id, 1, length(e.name), e.name from enterprises e ${and} not ${exact}
            order by length(e.name), e.name, e.id limit ${upTo})
        ) r order by exact, len, name, id limit ${limit} offset ${offset}`,
      params,
    };
  }
  const order = SORT_SQL[filters.sort ?? "name"] ?? SORT_SQL.name;
  const limit = push(page.limit);
  const offset = push(page.offset);
  return {
    sql: `select e.id from enterprises e ${where} order by ${order} limit ${limit} offset ${offset}`,
    params,
  };
}

/**
 * One page and the total. The page is chosen on ids alone and only its rows are projected; a page that is not full
 * tells the total by itself, otherwise a plain count(*) follows (a window count would read every match first).
 */
export async function listEnterprises(
  sql: Sql,
  filters: EnterpriseFilters,
  terms: SearchTerms,
  scope: ListScope,
  page: { limit: number; offset: number },
): Promise<{ items: EnterpriseSummary[]; total: number }> {
  const ids = pageIdsQuery(filters, terms, scope, page);
  const items = await sql.query<EnterpriseSummary>(
    `select ${SUMMARY_COLUMNS}
       from unnest(array(${ids.sql})) with ordinality as p(id, pos)
       join enterprises e on e.id = p.id left join towns t on t.code = e.town_code
      order by p.pos`,
    ids.params,
  );
  if (items.length < page.limit && (items.length > 0 || page.offset === 0))
    return { items, total: page.offset + items.length };
  const { where, params } = whereClause(filters, terms, scope);
  const [row] = await sql.query<{ total: number }>(
    `select count(*)::int as total from enterprises e ${where}`,
    params,
  );
  return { items, total: row?.total ?? 0 };
}

/** Streams every matching record (no paging) for exports, in batches, in the list's order. */
export async function* iterateEnterprises(
  sql: Sql,
  filters: EnterpriseFilters,
  terms: SearchTerms,
  scope: ListScope,
  batch = 2000,
): AsyncGenerator<Enterprise[]> {
  for (let offset = 0; ; offset += batch) {
    const ids = pageIdsQuery(filters, terms, scope, { limit: batch, offset });
    const rows = await sql.query<{ id: string }>(ids.sql, ids.params);
    if (rows.length === 0) return;
    yield await loadEnterprises(
      sql,
      rows.map((r) => r.id),
    );
    if (rows.length < batch) return;
  }
}

/** Full records in the order of ids; missing ids are left out. */
export async function loadEnterprises(sql: Sql, ids: string[]): Promise<Enterprise[]> {
  if (ids.length === 0) return [];
  const [rows, certs, honours] = await Promise.all([
    sql.query<Enterprise>(
      `select ${DETAIL_COLUMNS} from enterprises e left join towns t on t.code = e.town_code where e.id = any($1::uuid[])`,
      [ids],
    ),
    sql.query<{ enterpriseId: string } & Enterprise["certifications"][number]>(
      `select enterprise_id as "enterpriseId", type, number, issuer, valid_from as "validFrom", valid_to as "validTo"
         from enterprise_certifications where enterprise_id = any($1::uuid[]) order by id`,
      [ids],
    ),
    sql.query<{ enterpriseId: string } & Enterprise["honours"][number]>(
      `select enterprise_id as "enterpriseId", type, title, level, issuer, recognised_on as "recognisedOn",
              document_number as "documentNumber"
         from enterprise_honours where enterprise_id = any($1::uuid[]) order by id`,
      [ids],
    ),
  ]);
  const byId = new Map(rows.map((r) => [r.id, { ...r, certifications: [], honours: [] } as Enterprise]));
  for (const { enterpriseId, ...c } of certs) byId.get(enterpriseId)?.certifications.push(c);
  for (const { enterpriseId, ...h } of honours) byId.get(enterpriseId)?.honours.push(h);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findIdByUscc(sql: Sql, uscc: string): Promise<string | null> {
  const rows = await sql.query<{ id: string }>("select id from enterprises where uscc = $1", [uscc]);
  return rows[0]?.id ?? null;
}

/** The columns an enterprise row is written with; children are written by replaceChildren. */
export interface EnterpriseRow {
  uscc: string;
  usccIsDemo: boolean;
  name: string;
  normalisedName: string;
  formerNames: string[];
  aliases: string[];
  legalRepresentative: string | null;
  address: string | null;
  town: string | null;
  industryCode: string | null;
  aboveScale: boolean;
  employees: number | null;
  foundedOn: string | null;
  exportFlag: boolean;
  mainProducts: string | null;
  brands: unknown[];
  contacts: unknown[];
  isSynthetic: boolean;
  searchTokens: string[];
}

const ROW_COLUMNS = `uscc, uscc_is_demo, name, normalised_name, former_names, aliases, legal_representative, address,
  town_code, industry_code, above_scale, employees, founded_on, export_flag, main_products, brands, contacts,
  is_synthetic, search_tokens`;

const rowParams = (r: EnterpriseRow) => [
  r.uscc,
  r.usccIsDemo,
  r.name,
  r.normalisedName,
  r.formerNames,
  r.aliases,
  r.legalRepresentative,
  r.address,
  r.town,
  r.industryCode,
  r.aboveScale,
  r.employees,
  r.foundedOn,
  r.exportFlag,
  r.mainProducts,
  JSON.stringify(r.brands),
  JSON.stringify(r.contacts),
  r.isSynthetic,
  r.searchTokens.join(" "),
];

const ROW_VALUES = `$1, $2, $3, $4, $5::text[], $6::text[], $7, $8, $9, $10, $11, $12, $13::date, $14, $15, $16::jsonb,
  $17::jsonb, $18, to_tsvector('simple', $19)`;

export async function insertEnterprise(sql: Sql, row: EnterpriseRow): Promise<string> {
  const rows = await sql.query<{ id: string }>(
    `insert into enterprises (${ROW_COLUMNS}) values (${ROW_VALUES}) returning id`,
    rowParams(row),
  );
  return (rows[0] as { id: string }).id;
}

export async function updateEnterpriseRow(sql: Sql, id: string, row: EnterpriseRow): Promise<void> {
  await sql.query(
    `update enterprises set (${ROW_COLUMNS}, updated_at) = (${ROW_VALUES}, now()) where id = $20`,
    [...rowParams(row), id],
  );
}

export async function replaceChildren(
  sql: Sql,
  id: string,
  certifications: Enterprise["certifications"] | undefined,
  honours: Enterprise["honours"] | undefined,
): Promise<void> {
  if (certifications) {
    await sql.query("delete from enterprise_certifications where enterprise_id = $1", [id]);
    if (certifications.length > 0)
      await sql.query(
        `insert into enterprise_certifications (enterprise_id, type, number, issuer, valid_from, valid_to)
         select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::date[])`,
        [
          id,
          certifications.map((c) => c.type),
          certifications.map((c) => c.number ?? null),
          certifications.map((c) => c.issuer ?? null),
          certifications.map((c) => c.validFrom ?? null),
          certifications.map((c) => c.validTo ?? null),
        ],
      );
  }
  if (honours) {
    await sql.query("delete from enterprise_honours where enterprise_id = $1", [id]);
    if (honours.length > 0)
      await sql.query(
        `insert into enterprise_honours (enterprise_id, type, title, level, issuer, recognised_on, document_number)
         select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[])`,
        [
          id,
          honours.map((h) => h.type ?? null),
          honours.map((h) => h.title),
          honours.map((h) => h.level ?? null),
          honours.map((h) => h.issuer ?? null),
          honours.map((h) => h.recognisedOn ?? null),
          honours.map((h) => h.documentNumber ?? null),
        ],
      );
  }
}

export async function knownCodes(sql: Sql, table: "towns" | "certification_types" | "honour_types") {
  const rows = await sql.query<{ code: string }>(`select code from ${table}`);
  return new Set(rows.map((r) => r.code));
}

/** Unnest source of many enterprise rows: parameters $offset+1… as columns named for the bulk statements. */
const BULK_COLUMNS = `uscc, demo, name, norm, former, alias, legal, address, town, industry, above, employees, founded,
  export, products, brands, contacts, synthetic`;
const BULK_TYPES = [
  "text",
  "bool",
  "text",
  "text",
  "jsonb",
  "jsonb",
  "text",
  "text",
  "text",
  "text",
  "bool",
  "int",
].concat(["date", "bool", "text", "jsonb", "jsonb", "bool"]);

function bulkUnnest(offset: number): string {
  return BULK_TYPES.map((t, i) => `$${offset + i + 1}::${t}[]`).join(", ");
}

function bulkParams(rows: EnterpriseRow[]): unknown[][] {
  const col = <K extends keyof EnterpriseRow>(k: K) => rows.map((r) => r[k]);
  const json = (k: "formerNames" | "aliases" | "brands" | "contacts") =>
    rows.map((r) => JSON.stringify(r[k]));
  return [
    col("uscc"),
    col("usccIsDemo"),
    col("name"),
    col("normalisedName"),
    json("formerNames"),
    json("aliases"),
    col("legalRepresentative"),
    col("address"),
    col("town"),
    col("industryCode"),
    col("aboveScale"),
    col("employees"),
    col("foundedOn"),
    col("exportFlag"),
    col("mainProducts"),
    json("brands"),
    json("contacts"),
    col("isSynthetic"),
  ];
}

/** text[] from a jsonb array: unnest cannot carry ragged text[][], so arrays travel as jsonb. */
const textArray = (c: string) =>
  `coalesce((select array_agg(x) from jsonb_array_elements_text(${c}) x), '{}')`;

/** Inserts many enterprises in one statement (seeding, imports, benchmarks); returns their ids in order. */
export async function bulkInsertEnterprises(sql: Sql, rows: EnterpriseRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await sql.query<{ id: string; uscc: string }>(
    `insert into enterprises (${ROW_COLUMNS})
     select uscc, demo, name, norm, ${textArray("former")}, ${textArray("alias")}, legal, address, town, industry,
            above, employees, founded, export, products, brands, contacts, synthetic, to_tsvector('simple', tokens)
       from unnest(${bulkUnnest(0)}, $19::text[]) as t(${BULK_COLUMNS}, tokens)
     returning id, uscc`,
    [...bulkParams(rows), rows.map((r) => r.searchTokens.join(" "))],
  );
  // RETURNING order follows the insert order in practice, but map by USCC to be certain.
  const byUscc = new Map(result.map((r) => [r.uscc, r.id]));
  return rows.map((r) => byUscc.get(r.uscc) as string);
}

export async function bulkInsertCertifications(
  sql: Sql,
  rows: (Enterprise["certifications"][number] & { enterpriseId: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `insert into enterprise_certifications (enterprise_id, type, number, issuer, valid_from, valid_to)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])`,
    [
      rows.map((c) => c.enterpriseId),
      rows.map((c) => c.type),
      rows.map((c) => c.number ?? null),
      rows.map((c) => c.issuer ?? null),
      rows.map((c) => c.validFrom ?? null),
      rows.map((c) => c.validTo ?? null),
    ],
  );
}

/** What matching needs of every enterprise: small enough to hold the whole registry in memory. */
export async function registryNames(
  sql: Sql,
): Promise<{ id: string; uscc: string; name: string; normalisedName: string }[]> {
  return sql.query(`select id, uscc, name, normalised_name as "normalisedName" from enterprises`);
}

/** Changes whenever an enterprise is added or changed: a cheap key for caching registryNames. */
export async function registryVersion(sql: Sql): Promise<string> {
  // Kept by a statement trigger on enterprises (migration 0007): one row read, whatever the registry's size.
  const [row] = await sql.query<{ v: string }>("select version::text as v from registry_state");
  return row?.v ?? "";
}

export async function townNames(sql: Sql): Promise<{ code: string; name: string }[]> {
  return sql.query("select code, name from towns order by code");
}

/** The USCCs among `usccs` that are registered already. */
export async function takenUsccs(sql: Sql, usccs: string[]): Promise<string[]> {
  if (usccs.length === 0) return [];
  const rows = await sql.query<{ uscc: string }>(
    "select uscc from enterprises where uscc = any($1::text[])",
    [usccs],
  );
  return rows.map((r) => r.uscc);
}

/** Locks the rows of `ids` for update until the transaction ends; returns the ids that exist. */
export async function lockEnterprises(sql: Sql, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    "select id from enterprises where id = any($1::uuid[]) order by id for update",
    [ids],
  );
  return rows.map((r) => r.id);
}

/**
 * Rewrites many enterprise rows in one statement (imports); children are left as they are. With
 * `keepSearchTokens` a row keeps its stored search tokens (its names did not change) and `row.searchTokens` is
 * not read.
 */
export async function bulkUpdateEnterprises(
  sql: Sql,
  rows: { id: string; row: EnterpriseRow; keepSearchTokens?: boolean }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `update enterprises e
        set (${ROW_COLUMNS}, updated_at) =
            (t.uscc, t.demo, t.name, t.norm, ${textArray("t.former")}, ${textArray("t.alias")}, t.legal, t.address,
             t.town, t.industry, t.above, t.employees, t.founded, t.export, t.products, t.brands, t.contacts,
             t.synthetic, coalesce(to_tsvector('simple', t.tokens), e.search_tokens), now())
       from unnest($1::uuid[], ${bulkUnnest(1)}, $20::text[]) as t(id, ${BULK_COLUMNS}, tokens)
      where e.id = t.id`,
    [
      rows.map((r) => r.id),
      ...bulkParams(rows.map((r) => r.row)),
      rows.map((r) => (r.keepSearchTokens ? null : r.row.searchTokens.join(" "))),
    ],
  );
}

/** The fields an import compares, of the enterprises `ids` (any order; missing ids are left out). */
export async function loadImportFields(sql: Sql, ids: string[]) {
  if (ids.length === 0) return [];
  return sql.query<
    Pick<
      Enterprise,
      | "id"
      | "uscc"
      | "name"
      | "formerNames"
      | "aliases"
      | "legalRepresentative"
      | "address"
      | "town"
      | "industryCode"
      | "aboveScale"
      | "employees"
      | "foundedOn"
      | "exportFlag"
      | "mainProducts"
    >
  >(
    `select id, uscc, name, former_names as "formerNames", aliases, legal_representative as "legalRepresentative",
            address, town_code as town, industry_code as "industryCode", above_scale as "aboveScale", employees,
            founded_on as "foundedOn", export_flag as "exportFlag", main_products as "mainProducts"
       from enterprises where id = any($1::uuid[])`,
    [ids],
  );
}
