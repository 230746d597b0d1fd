import { PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, InputNumber, Switch, Table, Typography } from "antd";
import { useState } from "react";
import { api } from "../../../api/client";
import { useApi } from "../../../api/useApi";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useI18n } from "../../../i18n/I18nProvider";
import type { CalendarYear } from "../types";
import { EditModal } from "./EditModal";
import { yesNoColumn } from "./fields";

const lines = (s: unknown) =>
  String(s ?? "")
    .split(/[\s,，]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** 工作日历: holidays and make-up working days per year. */
export function CalendarTab() {
  const { t } = useI18n();
  const years = useApi<{ items: CalendarYear[] }>("/api/v1/work-calendar");
  const [editing, setEditing] = useState<CalendarYear | "new" | null>(null);
  const current = editing && editing !== "new" ? editing : null;
  return (
    <>
      <ErrorAlert error={years.error} onRetry={years.reload} />
      <Typography.Paragraph type="secondary">{t("cases.admin.calendarHint")}</Typography.Paragraph>
      <Button
        icon={<PlusOutlined />}
        onClick={() => setEditing("new")}
        style={{ marginBottom: 12 }}
        data-testid="calendar-create"
      >
        {t("cases.admin.addYear")}
      </Button>
      <Table<CalendarYear>
        rowKey="year"
        size="small"
        loading={years.loading}
        dataSource={years.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t("cases.admin.year"), dataIndex: "year", width: 80 },
          { title: t("cases.admin.holidays"), dataIndex: "holidays", render: (h: string[]) => h.length },
          {
            title: t("cases.admin.makeUp"),
            dataIndex: "makeUpWorkdays",
            render: (m: string[]) => m.join("、"),
          },
          yesNoColumn(t, "cases.admin.verified", "verified", 90),
          { title: t("cases.admin.source"), dataIndex: "source", ellipsis: true },
          {
            title: t("common.actions"),
            width: 90,
            render: (_, y) => (
              <Button size="small" type="link" onClick={() => setEditing(y)}>
                {t("common.edit")}
              </Button>
            ),
          },
        ]}
      />
      <EditModal<Record<string, unknown>>
        title={t("cases.admin.calendar")}
        open={editing !== null}
        initial={
          current
            ? {
                ...current,
                holidays: current.holidays.join("\n"),
                makeUpWorkdays: current.makeUpWorkdays.join("\n"),
              }
            : {
                year: new Date().getFullYear() + 1,
                verified: false,
                source: "",
                holidays: "",
                makeUpWorkdays: "",
              }
        }
        submit={(v) =>
          api(`/api/v1/work-calendar/${v.year}`, {
            method: "PUT",
            body: {
              holidays: lines(v.holidays),
              makeUpWorkdays: lines(v.makeUpWorkdays),
              verified: Boolean(v.verified),
              source: String(v.source ?? ""),
            },
          })
        }
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          years.reload();
        }}
      >
        <Form.Item
          name="year"
          label={t("cases.admin.year")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <InputNumber min={2000} max={2099} disabled={current !== null} />
        </Form.Item>
        <Form.Item name="holidays" label={t("cases.admin.holidays")} extra={t("cases.admin.datesHint")}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="makeUpWorkdays" label={t("cases.admin.makeUp")} extra={t("cases.admin.datesHint")}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="source" label={t("cases.admin.source")}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="verified" label={t("cases.admin.verified")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </EditModal>
    </>
  );
}
