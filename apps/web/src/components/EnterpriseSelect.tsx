import { Select } from "antd";
import { useState } from "react";
import type { EnterpriseSummary, Page } from "../api/types";
import { useApi } from "../api/useApi";
import { useI18n } from "../i18n/I18nProvider";
import { useDebouncedValue } from "../utils/useDebouncedValue";

interface EnterpriseSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/** Remote-search select of enterprises (same `q` as the list: Chinese, pinyin, initials or USCC). */
export function EnterpriseSelect({ value, onChange }: EnterpriseSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search);
  const { data, loading } = useApi<Page<EnterpriseSummary>>("/api/v1/enterprises", {
    q,
    page: 1,
    pageSize: 20,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      loading={loading}
      placeholder={t("enterpriseSelect.placeholder")}
      notFoundContent={loading ? t("common.loading") : t("common.noData")}
      options={(data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
      data-testid="enterprise-select"
    />
  );
}
