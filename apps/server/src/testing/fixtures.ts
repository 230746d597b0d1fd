import { generateUscc, seededRandom } from "@jingwei/rules";
import { createEnterprise } from "../modules/enterprises/service.ts";
import { createUser } from "../modules/users/service.ts";
import type { Role } from "../platform/access.ts";
import type { Db } from "../platform/db.ts";
import type { App } from "../platform/http.ts";
import { describeEachDb, login, type Session, TEST_PASSWORD, type TestContext } from "./harness.ts";

export interface Fixtures {
  enterpriseA: { id: string; uscc: string; name: string };
  enterpriseB: { id: string; uscc: string; name: string };
  /** Usernames by role; the enterprise user is bound to enterpriseA. */
  users: Record<Role, string>;
  /** User ids by role. */
  userIds: Record<Role, string>;
}

/** Two enterprises and one account per role (password TEST_PASSWORD). */
export async function seedFixtures(db: Db): Promise<Fixtures> {
  const rand = seededRandom(42);
  const a = await createEnterprise(db, null, {
    uscc: generateUscc(rand),
    name: "浙江华城实业投资集团有限公司",
    aliases: ["华城集团"],
    town: "danghu",
    aboveScale: true,
    employees: 1200,
    exportFlag: true,
    certifications: [{ type: "ISO9001", validFrom: "2024-01-01", validTo: "2099-12-31" }],
    honours: [{ type: "EXPORT_EXEMPT", title: "出口免验企业" }],
  });
  const b = await createEnterprise(db, null, {
    uscc: generateUscc(rand),
    name: "平湖市新仓金穗服饰有限公司",
    town: "xincang",
    employees: 80,
  });
  const users = {
    admin: "t-admin",
    regulator: "t-regulator",
    inspector: "t-inspector",
    lab: "t-lab",
    association: "t-association",
    enterprise: "t-enterprise",
  } satisfies Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const [role, username] of Object.entries(users) as [Role, string][]) {
    const user = await createUser(db, null, {
      username,
      displayName: username,
      role,
      enterpriseId: role === "enterprise" ? a.id : null,
      password: TEST_PASSWORD,
    });
    userIds[role] = user.id;
  }
  return {
    enterpriseA: { id: a.id, uscc: a.uscc, name: a.name },
    enterpriseB: { id: b.id, uscc: b.uscc, name: b.name },
    users,
    userIds,
  };
}

/** One signed-in session per role, for tests that act as each of them. */
export async function loginEveryRole(app: App, fx: Fixtures): Promise<Record<Role, Session>> {
  const entries = await Promise.all(
    (Object.entries(fx.users) as [Role, string][]).map(async ([role, username]) => {
      return [role, await login(app, username)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Role, Session>;
}

/** describeEachDb with seedFixtures as its setup: `ctx().fixtures` holds the two enterprises and the accounts. */
export function describeWithFixtures(title: string, body: (ctx: () => TestContext<Fixtures>) => void): void {
  describeEachDb(title, body, ({ db }: TestContext<undefined>) => seedFixtures(db));
}
