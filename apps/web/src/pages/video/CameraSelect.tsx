import { Select } from "antd";
import { useState } from "react";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { useDebouncedValue } from "../../utils/useDebouncedValue";
import type { Camera } from "./types";

interface CameraSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** A camera to list even if the search does not return it (the preselected one). */
  preset?: Camera | null;
}

/** Remote-search select of the active cameras (by camera name, location or enterprise name). */
export function CameraSelect({ value, onChange, preset }: CameraSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search);
  const { data, loading } = useApi<Page<Camera>>("/api/v1/cameras", {
    q,
    active: true,
    page: 1,
    pageSize: 50,
  });
  const cameras = [...(data?.items ?? [])];
  if (preset && !cameras.some((c) => c.id === preset.id)) cameras.unshift(preset);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      loading={loading}
      placeholder={t("video.check.camera.placeholder")}
      notFoundContent={loading ? t("common.loading") : t("common.noData")}
      options={cameras.map((c) => ({
        value: c.id,
        label: `${c.enterpriseName} · ${c.name}（${c.location}）`,
      }))}
      data-testid="spot-check-camera"
    />
  );
}
