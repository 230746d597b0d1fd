import { Card, Empty, Table, Tag } from "antd";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../utils/format";
import type { ClassDetail, SupervisionMode } from "./types";

const MODE_COLORS: Record<SupervisionMode, string> = {
  verification: "green",
  general: "blue",
  stringent: "orange",
  special: "red",
};
const RISK_COLORS: Record<string, string> = { low: "green", medium: "gold", high: "red" };
const STAGE_COLORS: Record<string, string> = {
  normal: "blue",
  tightened: "orange",
  reduced: "green",
  discontinued: "red",
};

/** The mode each product category gets under the class in force (class × risk of the rule set in force). */
export function ModesCard({ modes }: { modes: ClassDetail["modes"] }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t("classPage.modes")} size="small">
      <Table
        size="small"
        pagination={false}
        rowKey="productCategory"
        dataSource={modes}
        data-testid="class-modes"
        onRow={(m) => ({ "data-testid": "class-mode-row", "data-mode": m.mode }) as object}
        columns={[
          {
            title: t("classPage.mode.category"),
            key: "name",
            render: (_, m) => (locale === "zh-CN" ? m.nameZh : m.nameEn),
          },
          {
            title: t("classPage.mode.risk"),
            dataIndex: "risk",
            width: 100,
            render: (r: string) => <Tag color={RISK_COLORS[r]}>{t(`risk.${r}` as MessageKey)}</Tag>,
          },
          {
            title: t("classPage.mode.mode"),
            dataIndex: "mode",
            width: 120,
            render: (m: SupervisionMode) => <Tag color={MODE_COLORS[m]}>{t(`mode.${m}` as MessageKey)}</Tag>,
          },
          {
            title: t("classPage.mode.share"),
            dataIndex: "samplingShare",
            align: "right",
            width: 110,
            render: (s: number) => `${Math.round(s * 1000) / 10} %`,
          },
          {
            title: t("classPage.mode.full"),
            dataIndex: "fullInspection",
            width: 100,
            render: (f: boolean) => (f ? t("common.yes") : t("common.no")),
          },
        ]}
      />
    </Card>
  );
}

export function SwitchingCard({ states }: { states: ClassDetail["switchingStates"] }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t("classPage.switching")} size="small">
      <Table
        size="small"
        pagination={false}
        rowKey="productCategory"
        dataSource={states}
        data-testid="class-switching"
        locale={{ emptyText: <Empty description={t("classPage.switching.empty")} /> }}
        columns={[
          {
            title: t("classPage.mode.category"),
            key: "name",
            render: (_, s) => (locale === "zh-CN" ? s.nameZh : s.nameEn),
          },
          {
            title: t("classPage.switching.stage"),
            dataIndex: "stage",
            width: 130,
            render: (s: string) => <Tag color={STAGE_COLORS[s]}>{t(`stage.${s}` as MessageKey)}</Tag>,
          },
          {
            title: t("classPage.switching.updatedAt"),
            dataIndex: "updatedAt",
            width: 170,
            render: formatDateTime,
          },
        ]}
      />
    </Card>
  );
}
