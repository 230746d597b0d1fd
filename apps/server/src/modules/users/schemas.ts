import { type Static, Type } from "@sinclair/typebox";
import { ROLES } from "../../platform/access.ts";
import { Paging } from "../../platform/schemas.ts";

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  enterpriseId: Type.Union([Type.String(), Type.Null()]),
  enterpriseName: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});
export type User = Static<typeof User>;

export const Password = Type.String({ minLength: 8, maxLength: 200 });

export const UserCreate = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 40, pattern: "^[a-zA-Z0-9._-]+$" }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
    role: RoleSchema,
    enterpriseId: Type.Optional(Type.Union([Type.String({ format: "uuid" }), Type.Null()])),
    password: Password,
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserPatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    role: Type.Optional(RoleSchema),
    enterpriseId: Type.Optional(Type.Union([Type.String({ format: "uuid" }), Type.Null()])),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserPatch = Static<typeof UserPatch>;

export const UserListQuery = Type.Composite(
  [
    Type.Object({ q: Type.Optional(Type.String({ maxLength: 60 })), role: Type.Optional(RoleSchema) }),
    Paging,
  ],
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;
