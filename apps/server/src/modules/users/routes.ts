import { Type } from "@sinclair/typebox";
import { type App, actorOf, type ModuleDeps } from "../../platform/http.ts";
import { IdParams, Page } from "../../platform/schemas.ts";
import { Password, User, UserCreate, UserListQuery, UserPatch } from "./schemas.ts";
import * as service from "./service.ts";

const tags = ["users"];
const access = ["admin"] as const;

export async function userRoutes(app: App, { db }: ModuleDeps) {
  app.get(
    "/api/v1/users",
    {
      config: { access },
      schema: { tags, summary: "List accounts", querystring: UserListQuery, response: { 200: Page(User) } },
    },
    (req) => service.listUsers(db, req.query),
  );
  app.post(
    "/api/v1/users",
    {
      config: { access },
      schema: { tags, summary: "Create an account", body: UserCreate, response: { 201: User } },
    },
    async (req, reply) => reply.status(201).send(await service.createUser(db, actorOf(req), req.body)),
  );
  app.patch(
    "/api/v1/users/:id",
    {
      config: { access },
      schema: {
        tags,
        summary: "Change role, name or disable an account",
        params: IdParams,
        body: UserPatch,
        response: { 200: User },
      },
    },
    (req) => service.updateUser(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/users/:id/reset-password",
    {
      config: { access },
      schema: {
        tags,
        summary: "Set a new password and end the account's sessions",
        params: IdParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      await service.resetPassword(db, actorOf(req), req.params.id, req.body.password);
      return reply.status(204).send();
    },
  );
}
