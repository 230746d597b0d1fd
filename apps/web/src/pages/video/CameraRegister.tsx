import { Button, Form, Popconfirm, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import type { Page } from "../../api/types";
import type { ApiState } from "../../api/useApi";
import { FilterInput } from "../../components/FilterInput";
import { FilterSelect } from "../../components/FilterSelect";
import { PagedTable } from "../../components/PagedTable";
import { SearchForm } from "../../components/SearchForm";
import { type FilterFormValues, useFilterForm } from "../../components/useFilterForm";
import type { TableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { EMPTY, formatDateTime } from "../../utils/format";
import { testId } from "../../utils/testid";
import { ResultTag } from "./ResultTag";
import { SizedEnterpriseSelect } from "./SizedEnterpriseSelect";
import type { Camera } from "./types";

export const CAMERA_FILTER_KEYS = ["enterpriseId", "q", "active"] as const;
type CameraFilterKey = (typeof CAMERA_FILTER_KEYS)[number];
type CameraFilterValues = FilterFormValues<CameraFilterKey>;

interface CameraRegisterProps {
  tq: TableQuery<CameraFilterKey>;
  list: ApiState<Page<Camera>>;
  onEdit: (camera: Camera) => void;
  onCheck: (camera: Camera) => void;
  onToggleActive: (camera: Camera) => void;
}

/** The camera register: filter by enterprise, text and status; edit, deactivate, spot-check from each row. */
export function CameraRegister({ tq, list, onEdit, onCheck, onToggleActive }: CameraRegisterProps) {
  const { t } = useI18n();
  const { formValues } = useFilterForm(tq);

  const columns: ColumnsType<Camera> = [
    {
      title: t("video.camera.enterprise"),
      dataIndex: "enterpriseName",
      width: 200,
      render: (name: string, c) => <Link to={`/console/enterprises/${c.enterpriseId}`}>{name}</Link>,
    },
    { title: t("video.camera.name"), dataIndex: "name" },
    { title: t("video.camera.location"), dataIndex: "location" },
    {
      title: t("video.camera.streamUrl"),
      dataIndex: "streamUrl",
      width: 260,
      ellipsis: true,
      render: (url: string) => (
        <Typography.Text code title={url} data-testid="camera-stream-url">
          {url}
        </Typography.Text>
      ),
    },
    {
      title: t("video.camera.status"),
      dataIndex: "active",
      width: 90,
      render: (active: boolean) => (
        <Tag color={active ? "green" : "default"} data-testid="camera-status">
          {t(active ? "video.camera.active" : "video.camera.inactive")}
        </Tag>
      ),
    },
    {
      title: t("video.camera.lastCheck"),
      key: "lastCheck",
      width: 220,
      render: (_, c) =>
        c.lastCheckedAt && c.lastResult ? (
          <Space size={4}>
            {formatDateTime(c.lastCheckedAt)}
            <ResultTag result={c.lastResult} />
          </Space>
        ) : (
          EMPTY
        ),
    },
    { title: t("video.camera.checks"), dataIndex: "spotChecks", width: 90, align: "right" },
    {
      title: t("common.actions"),
      key: "actions",
      width: 190,
      fixed: "right",
      render: (_, c) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            disabled={!c.active}
            onClick={() => onCheck(c)}
            data-testid="camera-check"
          >
            {t("video.camera.check")}
          </Button>
          <Button type="link" size="small" onClick={() => onEdit(c)} data-testid="camera-edit">
            {t("common.edit")}
          </Button>
          <Popconfirm
            title={t(c.active ? "video.camera.deactivate.confirm" : "video.camera.activate.confirm", {
              name: c.name,
            })}
            onConfirm={() => onToggleActive(c)}
            okButtonProps={{ danger: c.active, ...testId("camera-toggle-confirm") }}
          >
            <Button type="link" size="small" danger={c.active} data-testid="camera-toggle-active">
              {t(c.active ? "video.camera.deactivate" : "video.camera.activate")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <SearchForm<CameraFilterValues> values={formValues} onSearch={tq.setFilters} onReset={tq.resetFilters}>
        <Form.Item name="enterpriseId">
          <SizedEnterpriseSelect />
        </Form.Item>
        <FilterInput width={220} placeholder={t("video.camera.search")} testId="camera-search" />
        <FilterSelect
          name="active"
          placeholder={t("video.camera.status")}
          options={[
            { value: "true", label: t("video.camera.active") },
            { value: "false", label: t("video.camera.inactive") },
          ]}
          testId="filter-camera-active"
        />
      </SearchForm>
      <PagedTable
        state={list}
        tq={tq}
        rowTestIdValue="camera-row"
        columns={columns}
        locale={{ emptyText: t("video.camera.empty") }}
        scroll={{ x: 1300 }}
      />
    </>
  );
}
