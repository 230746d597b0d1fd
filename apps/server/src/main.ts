import { createWriteStream } from "node:fs";
import { Command, Option } from "commander";
import { buildApp } from "./app.ts";
import { progressBar } from "./cli/progress.ts";
import { startCaseJobs } from "./modules/cases/jobs.ts";
import { startClassificationSchedule } from "./modules/classification/schedule.ts";
import { reclassifyAll, reclassifyEnterprise } from "./modules/classification/service.ts";
import { DEMO_STAFF_USERNAMES, seedDemo } from "./modules/demo/seed.ts";
import { writeEnterprisesXlsx } from "./modules/enterprises/export.ts";
import * as enterpriseRepo from "./modules/enterprises/repo.ts";
import { startEvaluationReminders } from "./modules/evaluations/reminders.ts";
import { runImportFromFile } from "./modules/imports/cli.ts";
import { samplingPlansText, samplingPlanText } from "./modules/sampling/cli.ts";
import { createUser, listUsers, resetPassword, updateUser } from "./modules/users/service.ts";
import { type Actor, ROLES, type Role } from "./platform/access.ts";
import { loadConfig } from "./platform/config.ts";
import type { Db } from "./platform/db.ts";
import { AppError, errorBody } from "./platform/errors.ts";
import { describeDb, openMigratedDb } from "./platform/runtime.ts";

/** The CLI acts as the system administrator; its changes are audited as such. */
const CLI_ACTOR: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  username: "cli",
  displayName: "命令行",
  role: "admin",
  enterpriseId: null,
};

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { db } = await openMigratedDb(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const program = new Command("jingwei").description("Jingwei (经纬) cluster platform");

program
  .command("serve")
  .description("migrate, load the demo cluster unless --no-demo, and serve the console and API")
  .option("--no-demo", "do not load the demo data")
  .action(async (opts: { demo: boolean }) => {
    const config = loadConfig();
    const { db, applied } = await openMigratedDb(config);
    console.log(
      `Database: ${describeDb(db, config)}${applied.length ? `; applied ${applied.join(", ")}` : ""}`,
    );
    if (opts.demo) {
      const bar = progressBar("Loading demo cluster");
      const result = await seedDemo(db, { password: config.demoPassword, onProgress: bar.update });
      bar.stop();
      printAccounts(result.enterpriseAccounts, config.demoPassword, result.loaded);
    }
    const app = await buildApp({ db, config, logger: { level: process.env.LOG_LEVEL ?? "warn" } });
    const close = async () => {
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.on("SIGINT", close);
    process.on("SIGTERM", close);
    await app.listen({ port: config.port, host: config.host });
    // Monthly reclassification of every exporter, checked hourly (the timers never keep the process alive).
    startClassificationSchedule(db);
    startCaseJobs(db);
    startEvaluationReminders(db);
    console.log(`\n经纬 Jingwei is serving on http://localhost:${config.port}  (API docs: /api/docs)`);
  });

function printAccounts(
  enterpriseAccounts: { username: string; enterpriseName: string }[],
  password: string,
  loaded: boolean,
) {
  console.log(loaded ? "Demo cluster loaded." : "Demo cluster already present.");
  console.log(`Demo accounts (password: ${password}):`);
  for (const u of DEMO_STAFF_USERNAMES) console.log(`  ${u}`);
  for (const a of enterpriseAccounts) console.log(`  ${a.username}  → ${a.enterpriseName}`);
}

program
  .command("migrate")
  .description("apply pending database migrations")
  .action(async () => {
    const config = loadConfig();
    const { db, applied } = await openMigratedDb(config);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Schema is up to date.");
    await db.close();
  });

program
  .command("seed")
  .description("load the demo cluster (Pinghu) with synthetic enterprises up to --enterprises")
  .option("--enterprises <n>", "total enterprises to reach", (v) => Number.parseInt(v, 10), 1200)
  .action(async (opts: { enterprises: number }) => {
    const config = loadConfig();
    await withDb(async (db) => {
      const bar = progressBar("Seeding");
      const result = await seedDemo(db, {
        password: config.demoPassword,
        totalEnterprises: opts.enterprises,
        onProgress: bar.update,
      });
      bar.stop();
      printAccounts(result.enterpriseAccounts, config.demoPassword, result.loaded);
    });
  });

program
  .command("import <file>")
  .description(
    "import an enterprise list (XLSX or CSV with Chinese headers): preview, then commit with --commit",
  )
  .option("--commit", "commit when the file has no errors and no potential matches", false)
  .option("--accept-potential", "treat potential matches as the same enterprise", false)
  .action(async (file: string, opts: { commit: boolean; acceptPotential: boolean }) => {
    await withDb((db) => runImportFromFile(db, CLI_ACTOR, file, opts));
  });

program
  .command("export")
  .description("export the registry to XLSX")
  .option("-o, --output <file>", "output file", "enterprises.xlsx")
  .option("-q, --query <q>", "search text")
  .action(async (opts: { output: string; query?: string }) => {
    await withDb(async (db) => {
      const filters = { q: opts.query };
      const { termsOf } = await import("./modules/enterprises/service.ts");
      const count = await writeEnterprisesXlsx(
        enterpriseRepo.iterateEnterprises(db, filters, termsOf(opts.query), { enterpriseId: null }),
        createWriteStream(opts.output),
      );
      console.log(`Wrote ${count} enterprises to ${opts.output}`);
    });
  });

const classes = program.command("classes").description("classified supervision of exporters");
classes
  .command("reclassify [uscc]")
  .description("reclassify one exporter (by USCC) or, with --all, every exporter under the rule set in force")
  .option("--all", "every exporter", false)
  .action((uscc: string | undefined, opts: { all: boolean }) =>
    withDb(async (db) => {
      if (opts.all === Boolean(uscc)) throw new Error("Give either --all or one USCC");
      if (opts.all) {
        const r = await reclassifyAll(db, CLI_ACTOR, "all");
        console.log(
          `Rule set ${r.ruleSetVersion}: ${r.classified} of ${r.enterprises} exporters classified, ` +
            `${r.changed} changed class, ${r.notAssessed} not assessed (${r.durationMs} ms)`,
        );
        return;
      }
      const id = await enterpriseRepo.findIdByUscc(db, String(uscc));
      if (!id) throw new Error(`No enterprise with USCC ${uscc}`);
      const r = await reclassifyEnterprise(db, CLI_ACTOR, id, "single").catch((err: unknown) => {
        // A refusal reads as its message (not assessed, checklist not fitting the rule set), not as a code.
        throw err instanceof AppError ? new Error(errorBody(err, "zh-CN").error.message) : err;
      });
      console.log(`Class ${r.class}${r.changed ? " (changed)" : " (unchanged)"}; decision ${r.decisionId}`);
    }),
  );

const users = program.command("users").description("manage accounts");
users.command("list").action(() =>
  withDb(async (db) => {
    const { items } = await listUsers(db, { page: 1, pageSize: 200 });
    console.table(
      items.map((u) => ({
        username: u.username,
        name: u.displayName,
        role: u.role,
        enterprise: u.enterpriseName ?? "",
        disabled: u.disabled,
      })),
    );
  }),
);
users
  .command("create <username>")
  .requiredOption("--password <password>")
  .addOption(new Option("--role <role>").choices(ROLES).makeOptionMandatory())
  .option("--name <displayName>")
  .option("--enterprise <uscc>", "USCC of the enterprise an enterprise user acts for")
  .action((username: string, opts: { password: string; role: Role; name?: string; enterprise?: string }) =>
    withDb(async (db) => {
      const enterpriseId = opts.enterprise ? await enterpriseRepo.findIdByUscc(db, opts.enterprise) : null;
      const user = await createUser(db, CLI_ACTOR, {
        username,
        displayName: opts.name ?? username,
        role: opts.role,
        enterpriseId,
        password: opts.password,
      });
      console.log(`Created ${user.username} (${user.role})`);
    }),
  );
users
  .command("reset-password <username>")
  .requiredOption("--password <password>")
  .action((username: string, opts: { password: string }) =>
    withDb(async (db) => {
      await resetPassword(db, CLI_ACTOR, await userId(db, username), opts.password);
      console.log(`Password of ${username} reset; its sessions ended.`);
    }),
  );
for (const [name, disabled] of [
  ["disable", true],
  ["enable", false],
] as const) {
  users.command(`${name} <username>`).action((username: string) =>
    withDb(async (db) => {
      await updateUser(db, CLI_ACTOR, await userId(db, username), { disabled });
      console.log(`${username} ${disabled ? "disabled" : "enabled"}.`);
    }),
  );
}

const sampling = program
  .command("sampling")
  .description("AQL sampling plans (GB/T 2828.1-2012 / ISO 2859-1); needs no database");
sampling
  .command("plan")
  .description("the single sampling plan for a lot, as JSON (the same as GET /api/v1/sampling/plan)")
  .requiredOption("--lot <n>", "lot size: a whole number of items ≥ 1")
  .requiredOption("--aql <aql>", "AQL as printed: 0.65, 1.0, 2.5, 4.0…")
  .option("--level <level>", "inspection level: S-1, S-2, S-3, S-4, I, II, III", "II")
  .option("--stage <stage>", "inspection stage: normal, tightened, reduced", "normal")
  .action((opts: { lot: string; aql: string; level: string; stage: string }) => {
    console.log(samplingPlanText(opts));
  });
sampling
  .command("plans")
  .description("plans for the critical, major and minor classes, as JSON (GET /api/v1/sampling/plans)")
  .requiredOption("--lot <n>", "lot size: a whole number of items ≥ 1")
  .option("--level <level>", "inspection level: S-1, S-2, S-3, S-4, I, II, III", "II")
  .option("--stage <stage>", "inspection stage: normal, tightened, reduced", "normal")
  .option("--critical <aql>", "AQL of critical defects; 0 = not allowed (Ac 0 / Re 1)", "0")
  .option("--major <aql>", "AQL of major defects", "2.5")
  .option("--minor <aql>", "AQL of minor defects", "4.0")
  .action(
    (opts: { lot: string; level: string; stage: string; critical: string; major: string; minor: string }) => {
      console.log(samplingPlansText(opts));
    },
  );

async function userId(db: Db, username: string): Promise<string> {
  const [row] = await db.query<{ id: string }>("select id from users where lower(username) = lower($1)", [
    username,
  ]);
  if (!row) throw new Error(`No user ${username}`);
  return row.id;
}

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
