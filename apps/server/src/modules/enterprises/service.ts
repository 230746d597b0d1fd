import { normaliseEnterpriseName, validateUscc } from "@jingwei/rules";
import { type Actor, REGISTRY_EDITORS } from "../../platform/access.ts";
import { changedFields, writeAudit } from "../../platform/audit.ts";
import type { Db, Sql } from "../../platform/db.ts";
import { AppError, type FieldIssue, validationError } from "../../platform/errors.ts";
import * as repo from "./repo.ts";
import type { Enterprise, EnterpriseCreate, EnterpriseFilters, EnterprisePatch } from "./schemas.ts";
import { searchQuery, searchTokens } from "./search.ts";

/** Fields an enterprise user may change on its own record; names, codes and honours are the authorities'. */
const SELF_EDITABLE = new Set<keyof EnterprisePatch>([
  "legalRepresentative",
  "address",
  "employees",
  "mainProducts",
  "brands",
  "certifications",
  "contacts",
  "exportFlag",
]);

export function scopeOf(actor: Actor): repo.ListScope {
  return { enterpriseId: actor.role === "enterprise" ? actor.enterpriseId : null };
}

export function termsOf(q: string | undefined): repo.SearchTerms {
  const text = q?.trim() ?? "";
  if (!text) return { uscc: null, tsquery: null, text: null };
  const uscc = validateUscc(text);
  if (uscc.ok) return { uscc: uscc.value, tsquery: null, text: null };
  // Nothing searchable (only punctuation): tsquery stays null with text set, which matches nothing rather than
  // everything (the repo turns it into `false`).
  return { uscc: null, tsquery: searchQuery(text), text };
}

export async function listEnterprises(
  db: Db,
  actor: Actor,
  query: EnterpriseFilters & { page: number; pageSize: number },
) {
  const { page, pageSize, ...filters } = query;
  const result = await repo.listEnterprises(db, filters, termsOf(filters.q), scopeOf(actor), {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { ...result, page, pageSize };
}

export async function getEnterprise(sql: Sql, actor: Actor, id: string): Promise<Enterprise> {
  const scope = scopeOf(actor);
  if (scope.enterpriseId && scope.enterpriseId !== id) throw new AppError("NOT_FOUND");
  const [found] = await repo.loadEnterprises(sql, [id]);
  if (!found) throw new AppError("NOT_FOUND");
  return found;
}

/** Checks what the schema cannot: the USCC's check character, known codes, date order. */
async function checkRecord(sql: Sql, e: Partial<EnterpriseCreate>): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (e.uscc !== undefined) {
    const v = validateUscc(e.uscc);
    if (!v.ok) issues.push(usccIssue("uscc", v));
  }
  const [towns, certTypes, honourTypes] = await Promise.all([
    e.town ? repo.knownCodes(sql, "towns") : null,
    e.certifications?.length ? repo.knownCodes(sql, "certification_types") : null,
    e.honours?.some((h) => h.type) ? repo.knownCodes(sql, "honour_types") : null,
  ]);
  if (e.town && towns && !towns.has(e.town))
    issues.push({ field: "town", code: "unknown_town", params: { value: e.town } });
  e.certifications?.forEach((c, i) => {
    if (certTypes && !certTypes.has(c.type))
      issues.push({ field: `certifications[${i}].type`, code: "unknown_type", params: { value: c.type } });
    if (c.validFrom && c.validTo && c.validFrom > c.validTo)
      issues.push({ field: `certifications[${i}].validTo`, code: "date_order" });
  });
  e.honours?.forEach((h, i) => {
    if (h.type && honourTypes && !honourTypes.has(h.type))
      issues.push({ field: `honours[${i}].type`, code: "unknown_type", params: { value: h.type } });
  });
  return issues;
}

export function usccIssue(
  field: string,
  v: Exclude<ReturnType<typeof validateUscc>, { ok: true }>,
): FieldIssue {
  if (v.reason === "check") return { field, code: "uscc_check", params: { expected: v.expected ?? "?" } };
  if (v.reason === "charset") return { field, code: "uscc_charset" };
  if (v.reason === "empty") return { field, code: "required" };
  return { field, code: "uscc_length" };
}

export function toRow(
  e: Enterprise | EnterpriseCreate,
  flags: { usccIsDemo: boolean; isSynthetic: boolean },
) {
  const uscc = validateUscc(e.uscc);
  const value = uscc.ok ? uscc.value : e.uscc;
  const aliases = e.aliases ?? [];
  const formerNames = e.formerNames ?? [];
  const brands = e.brands ?? [];
  const row: repo.EnterpriseRow = {
    uscc: value,
    usccIsDemo: flags.usccIsDemo,
    name: e.name.trim(),
    normalisedName: normaliseEnterpriseName(e.name),
    formerNames,
    aliases,
    legalRepresentative: e.legalRepresentative ?? null,
    address: e.address ?? null,
    town: e.town ?? null,
    industryCode: e.industryCode ?? null,
    aboveScale: e.aboveScale ?? false,
    employees: e.employees ?? null,
    foundedOn: e.foundedOn ?? null,
    exportFlag: e.exportFlag ?? false,
    mainProducts: e.mainProducts ?? null,
    brands,
    contacts: e.contacts ?? [],
    isSynthetic: flags.isSynthetic,
    searchTokens: searchTokens(
      [e.name, ...aliases, ...formerNames, ...brands.map((b) => b.name)],
      [value, normaliseEnterpriseName(e.name)],
    ),
  };
  return row;
}

/** The audited shape of a record: what a person would call its content. */
function auditView(e: Enterprise): Record<string, unknown> {
  const { updatedAt: _u, createdAt: _c, townName: _t, ...rest } = e;
  return rest;
}

export async function createEnterprise(
  db: Db,
  actor: Actor | null,
  input: EnterpriseCreate,
  flags = { usccIsDemo: false, isSynthetic: false },
): Promise<Enterprise> {
  const issues = await checkRecord(db, input);
  if (issues.length) throw validationError(issues);
  return db.tx(async (sql) => {
    const row = toRow(input, flags);
    if (await repo.findIdByUscc(sql, row.uscc)) throw new AppError("USCC_TAKEN", { uscc: row.uscc });
    const id = await repo.insertEnterprise(sql, row);
    await repo.replaceChildren(sql, id, input.certifications ?? [], input.honours ?? []);
    const [created] = await repo.loadEnterprises(sql, [id]);
    await writeAudit(sql, actor, {
      action: "enterprise.create",
      entityType: "enterprise",
      entityId: id,
      after: auditView(created as Enterprise),
    });
    return created as Enterprise;
  });
}

export async function updateEnterprise(
  db: Db,
  actor: Actor,
  id: string,
  patch: EnterprisePatch,
): Promise<Enterprise> {
  if (actor.role === "enterprise") {
    const forbidden = Object.keys(patch).filter((k) => !SELF_EDITABLE.has(k as keyof EnterprisePatch));
    if (forbidden.length) throw new AppError("FORBIDDEN");
  } else if (!REGISTRY_EDITORS.includes(actor.role)) throw new AppError("FORBIDDEN");
  const issues = await checkRecord(db, patch);
  if (issues.length) throw validationError(issues);
  return db.tx(async (sql) => {
    await sql.query("select 1 from enterprises where id = $1 for update", [id]);
    const before = await getEnterprise(sql, actor, id);
    const merged = { ...before, ...patch };
    const row = toRow(merged, {
      usccIsDemo: before.usccIsDemo && merged.uscc === before.uscc,
      isSynthetic: before.isSynthetic,
    });
    if (row.uscc !== before.uscc) {
      const holder = await repo.findIdByUscc(sql, row.uscc);
      if (holder && holder !== id) throw new AppError("USCC_TAKEN", { uscc: row.uscc });
    }
    await repo.updateEnterpriseRow(sql, id, row);
    await repo.replaceChildren(sql, id, patch.certifications, patch.honours);
    const [after] = await repo.loadEnterprises(sql, [id]);
    const diff = changedFields(auditView(before), auditView(after as Enterprise));
    if (diff)
      await writeAudit(sql, actor, {
        action: "enterprise.update",
        entityType: "enterprise",
        entityId: id,
        ...diff,
      });
    return after as Enterprise;
  });
}
