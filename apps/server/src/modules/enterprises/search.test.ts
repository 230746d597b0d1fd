// Properties of the search: whatever a person types, PostgreSQL accepts the query built from it, and every name is
// found by itself.
import assert from "node:assert/strict";
import { before, it } from "node:test";
import fc from "fast-check";
import { describeWithFixtures } from "../../testing/fixtures.ts";
import { call, login, type Session } from "../../testing/harness.ts";
import { searchQuery, searchTokens } from "./search.ts";

/** Text as people type it: Chinese, pinyin, digits, full-width forms, punctuation, tsquery operators, and noise. */
const typed = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      ..."华城集团平湖服装有限公司針織〇々abcHUAcheng019 　，。、！：'\"\\&|!():*<->（）ＡＢ１２".split(""),
    ),
    maxLength: 30,
  }),
);

/**
 * Enterprise names: Han characters (common and rare), with now and then a Latin brand or digits.
 * Known limitation, not generated: PGlite's text-search parser predates Unicode 13 and reads the ideographs added
 * since (U+4DB6–4DBF, U+9FF0–9FFF) as separators, so on PGlite a name is not found by those characters.
 */
const hanChar = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fef }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x3400, max: 0x4db5 }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom(..."华城集团实业投资服装针织有限公司平湖当湖新仓乍浦".split("")),
);
const name = fc
  .tuple(
    fc.array(hanChar, { minLength: 2, maxLength: 16 }).map((cs) => cs.join("")),
    fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{1,8}$/), { nil: undefined }),
  )
  .map(([han, latin]) => (latin ? `${han}${latin}` : han));

describeWithFixtures("search properties", (ctx) => {
  let session: Session;
  before(async () => {
    session = await login(ctx().app, ctx().fixtures.users.regulator);
  });

  it("searchQuery builds only tsqueries that PostgreSQL accepts", async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const q = searchQuery(text);
        if (q === null) return;
        await ctx().db.query("select to_tsquery('simple', $1)", [q]);
      }),
      { numRuns: 300 },
    );
  });

  it("the registry search answers whatever is typed into it, never with a server error", async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        let q: string;
        try {
          q = encodeURIComponent(text);
        } catch {
          return; // a lone surrogate cannot be sent in a URL at all
        }
        for (const url of [`/api/v1/enterprises?q=${q}`, `/api/v1/enterprises/export?q=${q}`]) {
          const res = await call(ctx().app, session, "GET", url);
          assert.ok(
            res.statusCode === 200 || res.statusCode === 400,
            `${url}: ${res.statusCode} ${res.body}`,
          );
          if (res.statusCode === 400) assert.equal(res.json().error.fields[0].field, "q");
        }
      }),
      { numRuns: 80 },
    );
  });

  it("every name is found by itself, by any two adjacent characters of it, and by its Latin part", async () => {
    await fc.assert(
      fc.asyncProperty(name, fc.nat(), async (n, at) => {
        const vector = searchTokens([n]).join(" ");
        const han = [...n.replace(/[A-Za-z0-9]/g, "")];
        const i = at % (han.length - 1);
        const latin = n.match(/[A-Za-z][A-Za-z0-9]*$/)?.[0];
        for (const text of [n, `${han[i]}${han[i + 1]}`, ...(latin ? [latin.slice(0, 3)] : [])]) {
          const q = searchQuery(text);
          assert.ok(q, text);
          const [row] = await ctx().db.query<{ hit: boolean }>(
            "select to_tsvector('simple', $1) @@ to_tsquery('simple', $2) as hit",
            [vector, q],
          );
          assert.equal(row?.hit, true, `${n} not found by ${text} (${q})`);
        }
      }),
      { numRuns: 100 },
    );
  });
});
