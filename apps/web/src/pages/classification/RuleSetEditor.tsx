import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  type FormInstance,
  type FormListFieldData,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType, ColumnType } from "antd/es/table";
import { type ReactNode, useEffect, useState } from "react";
import { ApiError, api } from "../../api/client";
import { useApi } from "../../api/useApi";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import { issueNamePath, issuePathLabel, type RuleSetFormValues, rulesForApi } from "./ruleSetForm";
import { elementName, metricName } from "./trace";
import {
  CLASSES,
  COMPARISONS,
  EFFECT_KINDS,
  METRICS,
  MODES,
  RISKS,
  type RuleSetDetail,
  type RuleSetIssue,
  type Rules,
} from "./types";

const STATUS_COLORS = { draft: "gold", published: "green", retired: "default" } as const;

export function RuleSetStatusTag({ status }: { status: RuleSetDetail["status"] }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="rule-set-status">
      {t(`rules.status.${status}` as MessageKey)}
    </Tag>
  );
}

function IssuesPanel({ issues, rules }: { issues: RuleSetIssue[]; rules: Rules | undefined }) {
  const { t } = useI18n();
  const errors = issues.filter((i) => i.severity === "error").length;
  if (issues.length === 0)
    return <Alert type="success" showIcon title={t("rules.issues.none")} data-testid="rule-set-issues" />;
  return (
    <Alert
      type={errors > 0 ? "error" : "warning"}
      showIcon
      data-testid="rule-set-issues"
      title={t("rules.issues.summary", { errors, warnings: issues.length - errors })}
      description={
        <List
          size="small"
          dataSource={issues}
          renderItem={(i) => (
            <List.Item data-testid="rule-set-issue" data-code={i.code} data-path={i.path}>
              <Space wrap size={6}>
                <Tag color={i.severity === "error" ? "red" : "orange"}>
                  {t(i.severity === "error" ? "rules.issues.error" : "rules.issues.warning")}
                </Tag>
                <Typography.Text strong>{issuePathLabel(i.path, rules, t)}</Typography.Text>
                <Typography.Text>{i.message}</Typography.Text>
                <Typography.Text type="secondary">{i.detail}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}

type ListRow = FormListFieldData;

/** One editable table of a Form.List: a row per item of the list. */
function FieldListTable({
  fields,
  columns,
  scroll,
}: {
  fields: ListRow[];
  columns: ColumnsType<ListRow>;
  scroll?: TableProps<ListRow>["scroll"];
}) {
  return (
    <Table<ListRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={fields}
      scroll={scroll}
      columns={columns}
    />
  );
}

/**
 * A column whose cell edits `field` (a path below the row for a nested one) of the row's list item;
 * `control` takes the row's index where the control needs it (for a data-testid).
 */
function fieldColumn(
  title: string,
  field: string | string[],
  control: ReactNode | ((row: number) => ReactNode),
  width?: number,
): ColumnType<ListRow> {
  const path = Array.isArray(field) ? field : [field];
  return {
    title,
    key: path[0],
    width,
    render: (_, f) => (
      <Form.Item name={[f.name, ...path]} style={{ margin: 0 }}>
        {typeof control === "function" ? control(f.name) : control}
      </Form.Item>
    ),
  };
}

function ElementsTab() {
  const { t } = useI18n();
  const elements = Form.useWatch(["rules", "elements"]) as Rules["elements"] | undefined;
  const sum = (elements ?? []).reduce((s, e) => s + (Number(e?.weight) || 0), 0);
  return (
    <>
      <Form.List name={["rules", "elements"]}>
        {(fields) => (
          <FieldListTable
            fields={fields}
            columns={[
              {
                title: t("classPage.checklist.element"),
                key: "id",
                render: (_, f) => elementName(elements?.[f.name]?.id ?? "", t),
              },
              fieldColumn(
                t("classPage.checklist.weight"),
                "weight",
                (row) => <InputNumber min={0} max={100} step={1} data-testid={`rule-weight-${row}`} />,
                160,
              ),
              fieldColumn(
                t("classPage.checklist.maxScore"),
                "maxScore",
                <InputNumber min={0} step={1} />,
                160,
              ),
            ]}
          />
        )}
      </Form.List>
      <Typography.Text
        type={Math.abs(sum - 100) < 1e-9 ? "secondary" : "danger"}
        data-testid="rule-weight-sum"
      >
        {t("rules.weightSum", { sum: Math.round(sum * 1e6) / 1e6 })}
      </Typography.Text>
    </>
  );
}

const classOptions = (t: (k: MessageKey) => string) =>
  CLASSES.map((c) => ({ value: c, label: t(`class.${c}` as MessageKey) }));

function BandsTab() {
  const { t } = useI18n();
  return (
    <Form.List name={["rules", "bands"]}>
      {(fields) => (
        <FieldListTable
          fields={fields}
          columns={[
            fieldColumn(
              t("rules.band.class"),
              "class",
              <Select style={{ width: 110 }} options={classOptions(t)} />,
              140,
            ),
            fieldColumn(t("rules.band.min"), "min", (row) => (
              <InputNumber min={0} max={100} data-testid={`rule-band-min-${row}`} />
            )),
            fieldColumn(t("rules.band.max"), "max", (row) => (
              <InputNumber min={0} max={100} data-testid={`rule-band-max-${row}`} />
            )),
          ]}
        />
      )}
    </Form.List>
  );
}

function SignalsTab({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const rules = Form.useWatch(["rules", "signalRules"]) as Rules["signalRules"] | undefined;
  return (
    <Form.List name={["rules", "signalRules"]}>
      {(fields, { add, remove }) => (
        <>
          <FieldListTable
            fields={fields}
            scroll={{ x: 980 }}
            columns={[
              fieldColumn(t("rules.signal.id"), "id", <Input maxLength={60} />, 170),
              fieldColumn(
                t("rules.signal.metric"),
                "metric",
                <Select
                  style={{ width: 160 }}
                  options={METRICS.map((m) => ({ value: m, label: metricName(m, t) }))}
                />,
                170,
              ),
              fieldColumn(
                t("rules.signal.window"),
                "windowMonths",
                <InputNumber min={1} max={600} style={{ width: 90 }} />,
                110,
              ),
              fieldColumn(
                t("rules.signal.comparison"),
                "comparison",
                <Select style={{ width: 70 }} options={COMPARISONS.map((c) => ({ value: c, label: c }))} />,
                90,
              ),
              fieldColumn(
                t("rules.signal.threshold"),
                "threshold",
                <InputNumber style={{ width: 90 }} />,
                110,
              ),
              fieldColumn(
                t("rules.signal.effect"),
                ["effect", "kind"],
                <Select
                  style={{ width: 100 }}
                  options={EFFECT_KINDS.map((k) => ({
                    value: k,
                    label: t(`rules.effect.${k}` as MessageKey),
                  }))}
                />,
                120,
              ),
              {
                title: t("rules.signal.target"),
                key: "target",
                width: 130,
                render: (_, f) =>
                  rules?.[f.name]?.effect?.kind === "demoteBy" ? (
                    <Form.Item name={[f.name, "effect", "steps"]} style={{ margin: 0 }}>
                      <InputNumber min={1} max={3} style={{ width: 80 }} />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[f.name, "effect", "class"]} style={{ margin: 0 }}>
                      <Select style={{ width: 100 }} options={classOptions(t)} />
                    </Form.Item>
                  ),
              },
              ...(editable
                ? [
                    {
                      title: "",
                      key: "remove",
                      width: 48,
                      render: (_: unknown, f: ListRow) => (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t("common.delete")}
                          onClick={() => remove(f.name)}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {editable ? (
            <Button
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() =>
                add({
                  id: `rule-${fields.length + 1}`,
                  metric: "officialPassRate",
                  windowMonths: 12,
                  comparison: "<",
                  threshold: 98,
                  effect: { kind: "capAt", class: "III" },
                })
              }
            >
              {t("rules.signal.add")}
            </Button>
          ) : null}
        </>
      )}
    </Form.List>
  );
}

function ModesTab() {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(c) => c}
      dataSource={[...CLASSES]}
      columns={[
        { title: t("rules.modes.class"), key: "class", render: (_, c) => t(`class.${c}` as MessageKey) },
        ...RISKS.map((risk) => ({
          title: t(`risk.${risk}` as MessageKey),
          key: risk,
          render: (_: unknown, c: string) => (
            <Form.Item name={["rules", "modeMatrix", c, risk]} style={{ margin: 0 }}>
              <Select
                style={{ width: 130 }}
                options={MODES.map((m) => ({ value: m, label: t(`mode.${m}` as MessageKey) }))}
              />
            </Form.Item>
          ),
        })),
      ]}
    />
  );
}

function SharesTab() {
  const { t } = useI18n();
  return (
    <>
      <Space wrap size={24}>
        {MODES.map((m) => (
          <Form.Item key={m} name={["rules", "samplingShares", m]} label={t(`mode.${m}` as MessageKey)}>
            <InputNumber min={0} max={1} step={0.05} style={{ width: 110 }} />
          </Form.Item>
        ))}
      </Space>
      <Typography.Text type="secondary">{t("rules.shares.hint")}</Typography.Text>
    </>
  );
}

/** The whole rule set as JSON: an escape hatch for what the forms do not cover. */
function JsonTab({ form, editable }: { form: FormInstance<RuleSetFormValues>; editable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [textValue, setTextValue] = useState(() => JSON.stringify(form.getFieldValue("rules"), null, 2));
  const apply = () => {
    try {
      form.setFieldValue("rules", JSON.parse(textValue) as Rules);
    } catch (err) {
      message.error(t("rules.json.invalid", { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t("rules.json.hint")}</Typography.Paragraph>
      <Input.TextArea
        value={textValue}
        onChange={(e) => setTextValue(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 30 }}
        style={{ fontFamily: "monospace" }}
        readOnly={!editable}
        data-testid="rule-set-json"
      />
      {editable ? (
        <Button style={{ marginTop: 8 }} onClick={apply} data-testid="rule-set-json-apply">
          {t("rules.json.apply")}
        </Button>
      ) : null}
    </>
  );
}

interface RuleSetEditorProps {
  id: string;
  /** The actor may change drafts (admin, regulator). */
  canEdit: boolean;
  /** After a save or publication, so the version list follows. */
  onChanged: () => void;
}

export function RuleSetEditor({ id, canEdit, onChanged }: RuleSetEditorProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleSetFormValues>();
  const [reload, setReload] = useState(0);
  const state = useApi<RuleSetDetail>(`/api/v1/classification/rule-sets/${id}`, undefined, reload);
  const [issues, setIssues] = useState<RuleSetIssue[]>([]);
  const [busy, setBusy] = useState<"save" | "publish" | null>(null);
  const [tab, setTab] = useState("elements");
  const detail = state.data;
  const editable = canEdit && detail?.status === "draft";

  useEffect(() => {
    if (!detail) return;
    form.resetFields();
    form.setFieldsValue({ version: detail.version, note: detail.note, rules: detail.rules });
    setIssues(detail.issues);
  }, [form, detail]);

  /** Issues on their form fields as well as in the list. */
  const showIssues = (list: RuleSetIssue[]) => {
    setIssues(list);
    (form as FormInstance).setFields(
      list
        .filter((i) => /[.[]/.test(i.path))
        .map((i) => ({ name: issueNamePath(i.path), errors: [i.message] })),
    );
  };

  const save = async (): Promise<RuleSetDetail | null> => {
    const values = form.getFieldsValue(true) as RuleSetFormValues;
    try {
      const saved = await api<RuleSetDetail>(`/api/v1/classification/rule-sets/${id}`, {
        method: "PUT",
        body: { version: values.version, note: values.note || null, rules: rulesForApi(values.rules) },
      });
      showIssues(saved.issues);
      return saved;
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        // Type errors of the body come as rules.bands[0].min: put them on their fields.
        (form as FormInstance).setFields(
          err.fields.map((f) => ({
            name: f.field.startsWith("rules.") ? issueNamePath(f.field.slice(6)) : [f.field],
            errors: [f.message],
          })),
        );
      }
      message.error(errorMessage(err, t));
      return null;
    }
  };

  const onSave = async () => {
    setBusy("save");
    if (await save()) {
      message.success(t("rules.saved"));
      onChanged();
    }
    setBusy(null);
  };

  const onPublish = async () => {
    setBusy("publish");
    try {
      if (!(await save())) return;
      const r = await api<{ ruleSet: RuleSetDetail; warnings: RuleSetIssue[] }>(
        `/api/v1/classification/rule-sets/${id}/publish`,
        { method: "POST" },
      );
      message.success(t("rules.published", { version: r.ruleSet.version }));
      setReload((n) => n + 1);
      onChanged();
    } catch (err) {
      // RULE_SET_INVALID: the save just before listed the same errors (with the validator's details) on the form.
      message.error(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} />;
  if (!detail) return <Skeleton active />;

  return (
    <Card
      size="small"
      title={
        <Space>
          <span data-testid="rule-set-version">{detail.version}</span>
          <RuleSetStatusTag status={detail.status} />
          {!detail.verified ? <Tag color="orange">{t("rules.unverified")}</Tag> : null}
        </Space>
      }
      extra={
        editable ? (
          <Space>
            <Button onClick={onSave} loading={busy === "save"} data-testid="rule-set-save">
              {t("rules.save")}
            </Button>
            <Popconfirm
              title={t("rules.publish")}
              description={t("rules.publishConfirm")}
              onConfirm={onPublish}
              okButtonProps={testId("rule-set-publish-confirm")}
            >
              <Button type="primary" loading={busy === "publish"} data-testid="rule-set-publish">
                {t("rules.publish")}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {canEdit && !editable ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("rules.frozen")} />
      ) : null}
      <Form<RuleSetFormValues> form={form} disabled={!editable} layout="vertical" data-testid="rule-set-form">
        <Space wrap align="start">
          <Form.Item name="version" label={t("rules.column.version")} rules={[{ required: true }]}>
            <Input maxLength={60} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="note" label={t("rules.column.note")}>
            <Input maxLength={1000} style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: "elements", label: t("rules.tab.elements"), children: <ElementsTab /> },
            { key: "bands", label: t("rules.tab.bands"), children: <BandsTab /> },
            { key: "signals", label: t("rules.tab.signals"), children: <SignalsTab editable={editable} /> },
            { key: "modes", label: t("rules.tab.modes"), children: <ModesTab /> },
            { key: "shares", label: t("rules.tab.shares"), children: <SharesTab /> },
            {
              key: "json",
              label: t("rules.tab.json"),
              children: <JsonTab key={tab} form={form} editable={editable} />,
            },
          ].map((item) => ({
            ...item,
            label: <span data-testid={`rule-tab-${item.key}`}>{item.label}</span>,
          }))}
        />
      </Form>
      <div style={{ marginTop: 12 }}>
        <Typography.Title level={5}>{t("rules.issues.title")}</Typography.Title>
        <IssuesPanel issues={issues} rules={detail.rules} />
      </div>
    </Card>
  );
}

export function NoRuleSetSelected() {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Empty description={t("rules.noSelection")} />
    </Card>
  );
}
