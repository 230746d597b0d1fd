import { Type } from "@sinclair/typebox";
import type { Actor } from "../../platform/access.ts";
import { writeAudit } from "../../platform/audit.ts";
import { AppError } from "../../platform/errors.ts";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { verifyPassword } from "../../platform/passwords.ts";
import { createSession, deleteSession, SESSION_COOKIE } from "../../platform/sessions.ts";
import { User } from "../users/schemas.ts";
import { getUser } from "../users/service.ts";

const tags = ["auth"];
const SessionResponse = Type.Object({ user: User, csrfToken: Type.String() });

// A fixed hash to verify against when the username is unknown, so both paths take the same time.
const DUMMY_HASH =
  "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0n5I1qCz0b8d9XG3mS3u3i0V6x8m4P2q7y6r5t4e3w2";

export async function authRoutes(app: App, { db, config }: ModuleDeps) {
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.secureCookies,
  };

  app.post(
    "/api/auth/login",
    {
      config: { access: "public", rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Sign in; sets the httpOnly session cookie and returns the CSRF token for later mutations",
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 60 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionResponse },
      },
    },
    async (req, reply) => {
      const [row] = await db.query<Actor & { id: string; password_hash: string; disabled: boolean }>(
        `select id, id as "userId", username, display_name as "displayName", role, enterprise_id as "enterpriseId",
                password_hash, disabled
           from users where lower(username) = lower($1)`,
        [req.body.username],
      );
      const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, req.body.password);
      if (!row || !ok) throw new AppError("INVALID_CREDENTIALS");
      if (row.disabled) throw new AppError("ACCOUNT_DISABLED");
      const { token, csrfToken } = await db.tx(async (sql) => {
        const session = await createSession(sql, row.id, config.sessionHours);
        await writeAudit(sql, row, {
          action: "auth.login",
          entityType: "user",
          entityId: row.id,
        });
        return session;
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: config.sessionHours * 3600 });
      return { user: await getUser(db, row.id), csrfToken };
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { access: "authenticated" }, schema: { tags, summary: "Sign out: ends this session" } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The signed-in user and the CSRF token of this session",
        response: { 200: SessionResponse },
      },
    },
    async (req) => ({ user: await getUser(db, actorOf(req).userId), csrfToken: req.csrfToken ?? "" }),
  );
}
