import { type TSchema, Type } from "@sinclair/typebox";

/** Page through a list: page from 1, at most 200 rows a page. */
export const Paging = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(
        Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
      ),
    }),
  },
  { $id: "ErrorResponse", description: "Every error: a stable code, a message in the request's language" },
);

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
