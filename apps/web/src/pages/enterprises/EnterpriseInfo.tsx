import { Descriptions, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { Enterprise } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { EMPTY, formatDate, formatDateTime, formatNumber, text } from "../../utils/format";

function Tags({ values }: { values: string[] }) {
  if (values.length === 0) return <>{EMPTY}</>;
  return (
    <Space size={[4, 4]} wrap>
      {values.map((v) => (
        <Tag key={v}>{v}</Tag>
      ))}
    </Space>
  );
}

/** 基本信息 tab: every scalar field of the enterprise. */
export function EnterpriseInfo({ enterprise: e }: { enterprise: Enterprise }) {
  const { t, locale } = useI18n();
  const yesNo = (v: boolean) => (v ? t("common.yes") : t("common.no"));
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    {
      key: "uscc",
      label: t("enterprise.field.uscc"),
      children: (
        <Space size={4}>
          <Typography.Text copyable>{e.uscc}</Typography.Text>
          {e.usccIsDemo ? <Tag color="orange">{t("enterprise.usccIsDemo")}</Tag> : null}
        </Space>
      ),
    },
    { key: "name", label: t("enterprise.field.name"), children: e.name },
    {
      key: "formerNames",
      label: t("enterprise.field.formerNames"),
      children: <Tags values={e.formerNames} />,
    },
    { key: "aliases", label: t("enterprise.field.aliases"), children: <Tags values={e.aliases} /> },
    { key: "town", label: t("enterprise.field.town"), children: text(e.townName ?? e.town) },
    {
      key: "legalRepresentative",
      label: t("enterprise.field.legalRepresentative"),
      children: text(e.legalRepresentative),
    },
    { key: "address", label: t("enterprise.field.address"), children: text(e.address) },
    { key: "industryCode", label: t("enterprise.field.industryCode"), children: text(e.industryCode) },
    {
      key: "aboveScale",
      label: t("enterprise.field.aboveScale"),
      children: e.aboveScale ? t("enterprise.aboveScale") : t("enterprise.belowScale"),
    },
    { key: "employees", label: t("enterprise.field.employees"), children: formatNumber(e.employees, locale) },
    { key: "foundedOn", label: t("enterprise.field.foundedOn"), children: formatDate(e.foundedOn) },
    { key: "exportFlag", label: t("enterprise.field.exportFlag"), children: yesNo(e.exportFlag) },
    {
      key: "mainProducts",
      label: t("enterprise.field.mainProducts"),
      children: text(e.mainProducts),
      span: 2,
    },
    { key: "isSynthetic", label: t("enterprise.field.isSynthetic"), children: yesNo(e.isSynthetic) },
    { key: "createdAt", label: t("enterprise.field.createdAt"), children: formatDateTime(e.createdAt) },
    { key: "updatedAt", label: t("enterprise.field.updatedAt"), children: formatDateTime(e.updatedAt) },
  ];
  return <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} data-testid="enterprise-info" />;
}
