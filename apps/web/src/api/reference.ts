import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../i18n/I18nProvider";
import { api } from "./client";
import type { CodeName, ItemList } from "./types";

export type ReferenceKind = "towns" | "certification-types" | "honour-types";

// Reference lists rarely change: fetch each (per language) once per page load.
const cache = new Map<string, Promise<CodeName[]>>();

function load(kind: ReferenceKind, locale: string): Promise<CodeName[]> {
  const key = `${kind}:${locale}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = api<ItemList<CodeName>>(`/api/v1/reference/${kind}`).then(
      (r) => r.items,
      (error: unknown) => {
        cache.delete(key);
        throw error;
      },
    );
    cache.set(key, pending);
  }
  return pending;
}

export interface Reference {
  items: CodeName[];
  options: { value: string; label: string }[];
  labelOf: (code: string | null | undefined) => string;
}

export function useReference(kind: ReferenceKind): Reference {
  const { locale } = useI18n();
  const [items, setItems] = useState<CodeName[]>([]);
  useEffect(() => {
    let active = true;
    load(kind, locale).then(
      (list) => active && setItems(list),
      () => active && setItems([]),
    );
    return () => {
      active = false;
    };
  }, [kind, locale]);
  return useMemo(() => {
    const names = new Map(items.map((i) => [i.code, i.name]));
    return {
      items,
      options: items.map((i) => ({ value: i.code, label: i.name })),
      labelOf: (code) => (code ? (names.get(code) ?? code) : ""),
    };
  }, [items]);
}
