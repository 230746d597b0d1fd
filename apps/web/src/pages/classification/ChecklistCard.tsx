import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import { errorMessage } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { elementName, formatValue } from "./trace";
import type { AssessmentElement, ClassDetail } from "./types";

interface ChecklistValues {
  scores: Record<string, number | null>;
  assessedOn: Dayjs | null;
  note?: string | null;
  reclassify: boolean;
}

interface ChecklistCardProps {
  detail: ClassDetail;
  editable: boolean;
  /** Called with the page's new state after a save (and the reclassification, when asked for). */
  onSaved: (detail: ClassDetail, changed: boolean | null) => void;
}

/** The regulator's Decree 113 checklist: a score per element of the rule set in force, 0…max. */
export function ChecklistCard({ detail, editable, onSaved }: ChecklistCardProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChecklistValues>();
  const [saving, setSaving] = useState(false);
  const elements = detail.ruleSet.elements;
  const assessment = detail.assessment;
  const scores = Form.useWatch("scores", form) ?? assessment?.scores ?? {};

  useEffect(() => {
    form.setFieldsValue({
      scores: Object.fromEntries(elements.map((e) => [e.id, assessment?.scores[e.id] ?? null])),
      assessedOn: assessment ? dayjs(assessment.assessedOn) : dayjs(),
      note: assessment?.note ?? null,
      reclassify: true,
    });
  }, [form, elements, assessment]);

  const points = (e: AssessmentElement) => {
    const s = scores[e.id];
    return typeof s === "number" ? (e.weight * s) / e.maxScore : null;
  };
  const total = elements.reduce((sum, e) => sum + (points(e) ?? 0), 0);

  const save = async (values: ChecklistValues) => {
    setSaving(true);
    const base = `/api/v1/classes/${detail.enterprise.id}`;
    try {
      let next = await api<ClassDetail>(`${base}/assessment`, {
        method: "PUT",
        body: {
          scores: values.scores,
          assessedOn: values.assessedOn?.format("YYYY-MM-DD"),
          note: values.note || null,
        },
      });
      let changed: boolean | null = null;
      if (values.reclassify) {
        const r = await api<{ changed: boolean; detail: ClassDetail }>(`${base}/reclassify`, {
          method: "POST",
        });
        next = r.detail;
        changed = r.changed;
      }
      message.success(t("classPage.checklist.saved"));
      onSaved(next, changed);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={t("classPage.checklist")}
      size="small"
      extra={
        assessment ? null : (
          <Typography.Text type="secondary">{t("classPage.checklist.none")}</Typography.Text>
        )
      }
    >
      <Form<ChecklistValues> form={form} onFinish={save} disabled={!editable} data-testid="checklist-form">
        <Table<AssessmentElement>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={elements}
          columns={[
            {
              title: t("classPage.checklist.element"),
              dataIndex: "id",
              render: (id: string) => elementName(id, t),
            },
            { title: t("classPage.checklist.weight"), dataIndex: "weight", width: 70, align: "right" },
            {
              title: t("classPage.checklist.score"),
              key: "score",
              width: 150,
              render: (_, e) => (
                <Form.Item
                  name={["scores", e.id]}
                  style={{ margin: 0 }}
                  rules={[{ required: true, message: t("form.required") }]}
                >
                  <InputNumber
                    min={0}
                    max={e.maxScore}
                    step={0.5}
                    suffix={`/ ${e.maxScore}`}
                    style={{ width: 130 }}
                    data-testid={`checklist-score-${e.id}`}
                  />
                </Form.Item>
              ),
            },
            {
              title: t("classPage.checklist.points"),
              key: "points",
              width: 80,
              align: "right",
              render: (_, e) => {
                const p = points(e);
                return p === null ? "—" : formatValue(p);
              },
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4} align="right">
                <Typography.Text strong data-testid="checklist-total">
                  {t("classPage.checklist.total", { total: formatValue(total) })}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <Space wrap style={{ marginTop: 12 }} align="start">
          <Form.Item
            name="assessedOn"
            label={t("classPage.checklist.assessedOn")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} data-testid="checklist-date" />
          </Form.Item>
          <Form.Item name="note" label={t("classPage.checklist.note")}>
            <Input maxLength={2000} style={{ width: 260 }} />
          </Form.Item>
          {assessment?.assessedBy ? (
            <Typography.Text type="secondary" style={{ lineHeight: "32px" }}>
              {t("classPage.checklist.assessedBy", { name: assessment.assessedBy })}
            </Typography.Text>
          ) : null}
        </Space>
        {editable ? (
          <Space>
            <Form.Item name="reclassify" valuePropName="checked" noStyle>
              <Checkbox>{t("classPage.checklist.reclassifyAfter")}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="checklist-save">
              {t("classPage.checklist.save")}
            </Button>
          </Space>
        ) : null}
      </Form>
    </Card>
  );
}
