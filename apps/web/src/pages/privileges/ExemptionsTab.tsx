import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Modal, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import type { ItemList, Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, text } from "../../utils/format";
import { rowTestId } from "../../utils/testid";
import { ExemptionApplyForm } from "./ExemptionApplyForm";
import { ExemptionDrawer } from "./ExemptionDrawer";
import { ExemptionStatusTag } from "./ExemptionStatusTag";
import type { ExemptionApplication, ExemptionDetail, ExemptionStatus, ProductCategoryOption } from "./types";
import { useLocalPaging } from "./useLocalPaging";

const STATUSES: ExemptionStatus[] = ["submitted", "approved", "rejected", "revoked"];

interface ExemptionsTabProps {
  /** Enterprise users: their own applications, with the evidence preview and the apply form on top. */
  isEnterprise: boolean;
  /** Admin and regulator: file for any enterprise, approve, reject, revoke. */
  canDecide: boolean;
}

/** 免验申请: applications with their status; the evidence checklist behind each; apply and decide. */
export function ExemptionsTab({ isEnterprise, canDecide }: ExemptionsTabProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const paging = useLocalPaging();
  const [status, setStatus] = useState<ExemptionStatus | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [filing, setFiling] = useState(false);
  const categories = useApi<ItemList<ProductCategoryOption>>("/api/v1/exemptions/categories");
  const list = useApi<Page<ExemptionApplication>>("/api/v1/exemptions", {
    status,
    productCategory: category,
    enterpriseId: enterpriseId ?? undefined,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const categoryOptions = (categories.data?.items ?? []).map((c) => ({
    value: c.code,
    label: locale === "zh-CN" ? c.nameZh : c.nameEn,
  }));

  const applied = (created: ExemptionDetail) => {
    setFiling(false);
    message.success(t("privileges.exemption.appliedOk"));
    list.reload();
    setOpenId(created.id);
  };

  const columns: ColumnsType<ExemptionApplication> = [
    ...(isEnterprise
      ? []
      : [{ title: t("privileges.column.enterprise"), dataIndex: "enterpriseName", key: "enterprise" }]),
    {
      title: t("privileges.column.category"),
      key: "category",
      render: (_, a) => (locale === "zh-CN" ? a.productCategoryNameZh : a.productCategoryNameEn),
    },
    {
      title: t("privileges.column.status"),
      key: "status",
      render: (_, a) => <ExemptionStatusTag application={a} />,
    },
    {
      title: t("privileges.exemption.criteriaAtApplication"),
      dataIndex: "criteriaMet",
      render: (met: boolean) => (
        <Tag color={met ? "green" : "gold"}>
          {t(met ? "privileges.exemption.criteriaMet" : "privileges.exemption.criteriaNotMet")}
        </Tag>
      ),
    },
    { title: t("privileges.exemption.appliedAt"), dataIndex: "appliedAt", render: formatDate },
    {
      title: t("privileges.exemption.validity"),
      key: "validity",
      render: (_, a) => (a.validFrom ? `${a.validFrom} ~ ${text(a.validTo)}` : text(null)),
    },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => setOpenId(a.id)} data-testid="exemption-open">
          {canDecide && a.status === "submitted" ? t("privileges.exemption.review") : t("common.view")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <ErrorAlert error={categories.error} onRetry={categories.reload} />
      {isEnterprise ? (
        <Card title={t("privileges.exemption.applyTitle")} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t("privileges.exemption.applyIntro")}</Typography.Paragraph>
          <ExemptionApplyForm
            categories={categories.data?.items ?? []}
            enterpriseSelectable={false}
            onApplied={applied}
          />
        </Card>
      ) : null}
      <Card
        title={isEnterprise ? t("privileges.exemption.mine") : t("privileges.exemption.list")}
        extra={
          canDecide ? (
            <Button icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="exemption-file-for">
              {t("privileges.exemption.fileFor")}
            </Button>
          ) : null
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t("privileges.column.status")}
            value={status}
            onChange={(v) => {
              setStatus(v);
              paging.firstPage();
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`privileges.exemption.status.${s}`) }))}
            data-testid="exemption-filter-status"
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t("privileges.column.category")}
            value={category}
            onChange={(v) => {
              setCategory(v);
              paging.firstPage();
            }}
            options={categoryOptions}
            data-testid="exemption-filter-category"
          />
          {isEnterprise ? null : (
            <div style={{ width: 320 }}>
              <EnterpriseSelect
                value={enterpriseId}
                onChange={(v) => {
                  setEnterpriseId(v);
                  paging.firstPage();
                }}
              />
            </div>
          )}
        </Space>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<ExemptionApplication>
          rowKey="id"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={paging.pagination(list.data?.total)}
          onRow={rowTestId("exemption-row")}
          locale={{ emptyText: t("privileges.exemption.empty") }}
          scroll={{ x: 900 }}
        />
      </Card>
      <ExemptionDrawer
        id={openId}
        canDecide={canDecide}
        onClose={() => setOpenId(null)}
        onChanged={list.reload}
      />
      <Modal
        open={filing}
        title={t("privileges.exemption.fileFor")}
        onCancel={() => setFiling(false)}
        footer={null}
        width={900}
        destroyOnHidden
      >
        <ExemptionApplyForm
          categories={categories.data?.items ?? []}
          enterpriseSelectable
          onApplied={applied}
        />
      </Modal>
    </>
  );
}
