import { BranchesOutlined, DownloadOutlined, SaveOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Row,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { ApiError, api, apiDownload } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useAuth } from "../../auth/AuthProvider";
import { ErrorAlert, errorMessage } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import { useDebouncedValue } from "../../utils/useDebouncedValue";
import { RatingEditor } from "./SystemRatingEditor";
import { SectionsEditor } from "./SystemSectionsEditor";
import {
  EditorContext,
  type EditorContextValue,
  LocalizedField,
  SelectField,
  TextField,
} from "./systemEditorFields";
import {
  type EditorSystem,
  getIn,
  issuesByPath,
  KINDS,
  pathLabel,
  SCORING_METHODS,
  type SystemIssue,
  sectionOf,
  setIn,
  tabOf,
  totals,
} from "./systemForm";
import { canEditSystems, type SystemRow } from "./types";

// The evaluation-system editor (issue 4): a draft edited field by field, checked by the server as the
// administrator types (POST …/validate), saved (PUT) and published (frozen); a published version opens read-only
// with "新建版本". A JSON/YAML tab covers what the forms do not.

interface SystemDetail extends SystemRow {
  updatedAt: string;
  definition: EditorSystem;
  issues: SystemIssue[];
  assessments: number;
}

interface Validation {
  ok: boolean;
  errors: number;
  warnings: number;
  issues: SystemIssue[];
  definition: EditorSystem | null;
  text: string | null;
}

type Tab = "basic" | "sections" | "rating" | "text";

/**
 * The API's field errors (definition.sections[0].weight) as issues of the definition. An invalid system's are
 * already in the panel, with their codes, from the live validation; other refusals (a wrong type) are not.
 */
function issuesOfError(err: unknown): SystemIssue[] | null {
  if (!(err instanceof ApiError) || err.fields.length === 0) return null;
  if (err.code === "EVALUATION_SYSTEM_INVALID") return null;
  return err.fields.map((f) => ({
    path: f.field.replace(/^definition\.?/, ""),
    code: f.code,
    severity: "error" as const,
    message: f.message,
  }));
}

/** The element showing a path, or the nearest one above it, or the first one below it. */
function fieldElement(path: string): HTMLElement | null {
  let candidate = path;
  for (;;) {
    const q = CSS.escape(candidate);
    const el =
      document.querySelector<HTMLElement>(`[data-path="${q}"]`) ??
      document.querySelector<HTMLElement>(`[data-path^="${q}."], [data-path^="${q}["]`);
    if (el) return el;
    const cut = Math.max(candidate.lastIndexOf("."), candidate.lastIndexOf("["));
    if (cut <= 0) return null;
    candidate = candidate.slice(0, cut);
  }
}

function IssuesPanel({
  issues,
  checking,
  sys,
  onPick,
  editable,
}: {
  issues: SystemIssue[];
  checking: boolean;
  editable: boolean;
  sys: EditorSystem | undefined;
  onPick: (path: string) => void;
}) {
  const { t, locale } = useI18n();
  const errors = issues.filter((i) => i.severity === "error").length;
  const shown = issues.slice(0, 200);
  return (
    <Card
      size="small"
      title={t("systemEditor.issues.title")}
      extra={
        checking ? (
          <Typography.Text type="secondary">{t("systemEditor.issues.checking")}</Typography.Text>
        ) : null
      }
      data-testid="system-issues"
      data-errors={errors}
    >
      {issues.length === 0 ? (
        <Alert
          type="success"
          showIcon
          title={t(editable ? "systemEditor.issues.none" : "systemEditor.issues.valid")}
        />
      ) : (
        <>
          <Alert
            type={errors > 0 ? "error" : "warning"}
            showIcon
            title={t("systemEditor.issues.summary", { errors, warnings: issues.length - errors })}
            description={t("systemEditor.issues.hint")}
            style={{ marginBottom: 8 }}
          />
          <List
            size="small"
            dataSource={shown}
            style={{ maxHeight: 420, overflowY: "auto" }}
            renderItem={(i) => (
              <List.Item
                data-testid="system-issue"
                data-code={i.code}
                data-path={`issue:${i.path}`}
                style={{ cursor: "pointer", display: "block" }}
                onClick={() => onPick(i.path)}
              >
                <Space size={4} wrap>
                  <Tag color={i.severity === "error" ? "red" : "orange"}>
                    {t(i.severity === "error" ? "systemEditor.issues.error" : "systemEditor.issues.warning")}
                  </Tag>
                  <Typography.Link>{pathLabel(i.path, sys, t, locale)}</Typography.Link>
                </Space>
                <div>{i.message}</div>
              </List.Item>
            )}
          />
          {issues.length > shown.length ? (
            <Typography.Text type="secondary">
              {t("systemEditor.issues.more", { count: issues.length - shown.length })}
            </Typography.Text>
          ) : null}
        </>
      )}
    </Card>
  );
}

/** Weights per level (system, section) and points, with the sums that must reach 100 marked when they do not. */
function TotalsCard({ sys, onPick }: { sys: EditorSystem; onPick: (path: string) => void }) {
  const { t, locale } = useI18n();
  const sums = totals(sys);
  const weighted = sys.scoringMethod === "weightedPercent";
  const off = (x: number) => Math.abs(x - 100) > 1e-6;
  const rows = (sys.sections ?? []).map((s, i) => ({ i, s, sum: sums.sections[i] }));
  return (
    <Card
      size="small"
      title={t("systemEditor.totals.title")}
      style={{ marginTop: 12 }}
      data-testid="system-totals"
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {weighted ? (
          <Typography.Text type={off(sums.sectionWeights) ? "danger" : undefined}>
            {t("systemEditor.sectionWeightSum", { sum: sums.sectionWeights })}
          </Typography.Text>
        ) : null}{" "}
        <Typography.Text>{t("systemEditor.pointsSum", { sum: sums.points })}</Typography.Text>
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="i"
        dataSource={rows}
        scroll={{ y: 320 }}
        onRow={(r) => ({ onClick: () => onPick(`sections[${r.i}]`), style: { cursor: "pointer" } })}
        columns={[
          {
            title: t("systemEditor.field.sections"),
            render: (_, r) => `${r.i + 1}. ${(locale === "en-US" ? r.s.name?.en : r.s.name?.zh) || r.s.id}`,
          },
          ...(weighted
            ? [
                {
                  title: t("systemEditor.field.weight"),
                  width: 60,
                  render: (_: unknown, r: (typeof rows)[number]) => r.s.weight ?? "—",
                },
                {
                  title: t("systemEditor.totals.indicatorWeights"),
                  width: 80,
                  render: (_: unknown, r: (typeof rows)[number]) => (
                    <Typography.Text type={off(r.sum?.indicatorWeights ?? 0) ? "danger" : undefined}>
                      {r.sum?.indicatorWeights}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          { title: t("systemEditor.field.maxPoints"), width: 70, render: (_, r) => r.sum?.points },
        ]}
      />
    </Card>
  );
}

/** The whole definition as JSON or YAML: what the forms do not cover. */
function TextTab({
  sys,
  editable,
  onApply,
  onIssues,
}: {
  sys: EditorSystem;
  editable: boolean;
  onApply: (next: EditorSystem) => void;
  onIssues: (issues: SystemIssue[]) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [format, setFormat] = useState<"json" | "yaml">("json");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const sysRef = useRef(sys);
  sysRef.current = sys;

  // The server writes the text as an export would (fields in a fixed order); JSON of a state whose shape it
  // refuses is written here as it is, so it can be mended.
  const fill = useCallback(
    async (fmt: "json" | "yaml") => {
      const r = await api<Validation>("/api/v1/evaluation-systems/validate", {
        method: "POST",
        body: { definition: sysRef.current, as: fmt },
      }).catch(() => null);
      if (r?.text) setText(r.text);
      else if (fmt === "json") setText(JSON.stringify(sysRef.current, null, 2));
      else {
        setText("");
        message.warning(t("systemEditor.text.yamlUnavailable"));
      }
    },
    [message, t],
  );
  useEffect(() => {
    void fill(format);
  }, [fill, format]);

  const apply = async () => {
    setBusy(true);
    try {
      if (format === "json") {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (err) {
          message.error(
            t("systemEditor.text.invalidJson", { message: err instanceof Error ? err.message : String(err) }),
          );
          return;
        }
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
          message.error(t("systemEditor.text.notObject"));
          return;
        }
        onApply(parsed as EditorSystem);
      } else {
        const r = await api<Validation>("/api/v1/evaluation-systems/validate", {
          method: "POST",
          body: { text, format: "yaml" },
        });
        if (!r.definition) {
          onIssues(r.issues);
          message.error(t("systemEditor.text.yamlRefused"));
          return;
        }
        onApply(r.definition);
      }
      message.success(t("systemEditor.text.applied"));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={format}
          onChange={(v) => setFormat(v as "json" | "yaml")}
          options={[
            { value: "json", label: "JSON" },
            { value: "yaml", label: "YAML" },
          ]}
        />
        <Button size="small" onClick={() => void fill(format)}>
          {t("systemEditor.text.refresh")}
        </Button>
        <Typography.Text type="secondary">{t("systemEditor.text.hint")}</Typography.Text>
      </Flex>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 16, maxRows: 40 }}
        style={{ fontFamily: "monospace" }}
        readOnly={!editable}
        data-testid="system-text"
      />
      {editable ? (
        <Button style={{ marginTop: 8 }} onClick={apply} loading={busy} data-testid="system-text-apply">
          {t("systemEditor.text.apply")}
        </Button>
      ) : null}
    </>
  );
}

function BasicTab({ sys }: { sys: EditorSystem }) {
  const { t } = useI18n();
  return (
    <>
      <Flex gap={12} wrap>
        <TextField path="id" label={t("systemEditor.field.id")} value={sys.id} width={240} />
        <TextField path="version" label={t("systemEditor.field.version")} value={sys.version} width={160} />
        <SelectField
          path="kind"
          label={t("systemEditor.field.kind")}
          value={sys.kind}
          options={KINDS.map((k) => ({
            value: k,
            label: t(`systemEditor.kind.${k}` as "systemEditor.kind.custom"),
          }))}
        />
        <SelectField
          path="scoringMethod"
          label={t("systemEditor.field.scoringMethod")}
          value={sys.scoringMethod}
          width={260}
          options={SCORING_METHODS.map((m) => ({ value: m, label: t(`systemEditor.method.${m}`) }))}
        />
      </Flex>
      <Flex gap={12} wrap>
        <LocalizedField path="name" label={t("systemEditor.field.name")} value={sys.name} width={360} />
      </Flex>
      <Flex gap={12} wrap>
        <LocalizedField
          path="description"
          label={t("systemEditor.field.description")}
          value={sys.description}
          optional
          textArea
          width={360}
        />
      </Flex>
    </>
  );
}

function NewVersionModal({
  detail,
  open,
  onClose,
}: {
  detail: SystemDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [version, setVersion] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const created = await api<SystemDetail>(`/api/v1/evaluation-systems/${detail.id}/versions`, {
        method: "POST",
        body: version.trim() ? { version: version.trim() } : {},
      });
      message.success(t("systemEditor.newVersionCreated", { version: created.version }));
      setVersion("");
      setError(null);
      onClose();
      navigate(`/console/evaluation-systems/${created.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      title={t("systemEditor.newVersionTitle", { version: detail.version })}
      okButtonProps={testId("system-new-version-ok")}
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t("systemEditor.newVersionHint")}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t("systemEditor.newVersionLabel")}>
          <Input
            value={version}
            maxLength={60}
            onChange={(e) => setVersion(e.target.value)}
            onPressEnter={submit}
            data-testid="system-new-version-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SystemEditorPage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [reload, setReload] = useState(0);
  const state = useApi<SystemDetail>(`/api/v1/evaluation-systems/${id}`, undefined, reload);
  const detail = state.data;
  const [sys, setSys] = useState<EditorSystem>();
  const [saved, setSaved] = useState("");
  const [issues, setIssues] = useState<SystemIssue[]>([]);
  const [checking, setChecking] = useState(false);
  const [tab, setTab] = useState<Tab>("basic");
  const [open, setOpen] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  const [busy, setBusy] = useState<"save" | "publish" | null>(null);
  const [versioning, setVersioning] = useState(false);
  const editable = !!user && canEditSystems(user.role) && detail?.status === "draft";
  const sysRef = useRef(sys);
  sysRef.current = sys;

  // The stored version replaces the state when it is another version or was changed (saved, published), not when
  // the same one is fetched again in another language: that would drop unsaved edits.
  const loaded = useRef("");
  useEffect(() => {
    if (!detail) return;
    const key = `${detail.id}|${detail.updatedAt}|${detail.status}`;
    if (key !== loaded.current) {
      loaded.current = key;
      setSys(detail.definition);
      setSaved(JSON.stringify(detail.definition));
    }
    setIssues(detail.issues);
  }, [detail]);

  const update = useCallback((path: string, value: unknown) => {
    setSys((s) => (s ? setIn(s, path, value) : s));
  }, []);
  const change = useCallback(<T,>(path: string, fn: (old: T) => T) => {
    setSys((s) => (s ? setIn(s, path, fn(getIn(s, path) as T)) : s));
  }, []);
  const levelList = sys?.rating?.levels;
  const levels = useMemo(
    () =>
      (Array.isArray(levelList) ? levelList : [])
        .filter((l) => typeof l?.id === "string")
        .map((l) => ({
          value: l.id,
          label: `${l.id} ${locale === "en-US" ? (l.name?.en ?? "") : (l.name?.zh ?? "")}`,
        })),
    [levelList, locale],
  );
  const byPath = useMemo(() => issuesByPath(issues), [issues]);
  const context = useMemo<EditorContextValue>(
    () => ({
      editable,
      update,
      change,
      issues: byPath,
      levels,
      current: () => sysRef.current as EditorSystem,
    }),
    [editable, update, change, byPath, levels],
  );

  // Live validation: the server's checks on the state, a moment after the last keystroke.
  const pending = useDebouncedValue(sys, 400);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new locale asks again (api() sends it) for its messages
  useEffect(() => {
    if (!editable || !pending) return;
    const controller = new AbortController();
    setChecking(true);
    api<Validation>("/api/v1/evaluation-systems/validate", {
      method: "POST",
      body: { definition: pending },
      signal: controller.signal,
    }).then(
      (r) => {
        setIssues(r.issues);
        setChecking(false);
      },
      () => setChecking(false),
    );
    return () => controller.abort();
  }, [editable, pending, locale]);

  const focusPath = useCallback((path: string) => {
    const target = tabOf(path);
    setTab(target);
    const section = sectionOf(path);
    if (section !== null) {
      setQuery("");
      setOpen((o) => (o.includes(String(section)) ? o : [...o, String(section)]));
    }
    // After the tab and the panel have rendered.
    setTimeout(() => {
      const el = fieldElement(path);
      if (!el) return;
      el.scrollIntoView({ block: "center", behavior: "smooth" });
      el.querySelector<HTMLElement>("input, textarea, .ant-select-selector")?.focus({ preventScroll: true });
      // A brief outline shows which field the issue meant.
      el.style.outline = "2px solid #faad14";
      setTimeout(() => {
        el.style.outline = "";
      }, 1500);
    }, 120);
  }, []);

  const dirty = !!sys && JSON.stringify(sys) !== saved;

  const save = async (): Promise<boolean> => {
    if (!sys) return false;
    try {
      const r = await api<SystemDetail>(`/api/v1/evaluation-systems/${id}`, {
        method: "PUT",
        body: { definition: sys },
      });
      setSaved(JSON.stringify(sys));
      setIssues(r.issues);
      return true;
    } catch (err) {
      const fieldIssues = issuesOfError(err);
      if (fieldIssues) setIssues(fieldIssues);
      message.error(errorMessage(err, t));
      return false;
    }
  };

  const onSave = async () => {
    setBusy("save");
    if (await save()) message.success(t("systemEditor.saved"));
    setBusy(null);
  };

  const onPublish = async () => {
    setBusy("publish");
    try {
      if (dirty && !(await save())) return;
      const r = await api<SystemDetail>(`/api/v1/evaluation-systems/${id}/publish`, { method: "POST" });
      message.success(t("systemEditor.published", { version: r.version }));
      setReload((n) => n + 1);
    } catch (err) {
      const fieldIssues = issuesOfError(err);
      if (fieldIssues) setIssues(fieldIssues);
      message.error(errorMessage(err, t));
    } finally {
      setBusy(null);
    }
  };

  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} />;
  if (!detail || !sys) return <Skeleton active />;

  const title = `${(locale === "en-US" ? sys.name?.en : sys.name?.zh) || detail.code} ${detail.status === "draft" ? sys.version : detail.version}`;
  const canCopy = !!user && canEditSystems(user.role);
  const errors = issues.filter((i) => i.severity === "error").length;

  return (
    <PageContainer
      title={
        <Space>
          <span>{title}</span>
          <Tag
            color={detail.status === "published" ? "green" : "blue"}
            data-testid="system-status"
            data-status={detail.status}
          >
            {t(`evaluations.systems.${detail.status}`)}
          </Tag>
          {dirty && editable ? <Tag color="gold">{t("systemEditor.unsaved")}</Tag> : null}
        </Space>
      }
      extra={
        <>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              apiDownload(`/api/v1/evaluation-systems/${detail.id}/export`, { format: "json" }, "system.json")
            }
          >
            JSON
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              apiDownload(`/api/v1/evaluation-systems/${detail.id}/export`, { format: "yaml" }, "system.yaml")
            }
          >
            YAML
          </Button>
          {detail.status === "published" && canCopy ? (
            <Button
              type="primary"
              icon={<BranchesOutlined />}
              onClick={() => setVersioning(true)}
              data-testid="system-new-version"
            >
              {t("systemEditor.newVersion")}
            </Button>
          ) : null}
          {editable ? (
            <>
              <Button
                icon={<SaveOutlined />}
                onClick={onSave}
                loading={busy === "save"}
                data-testid="system-save"
              >
                {t("systemEditor.save")}
              </Button>
              <Popconfirm
                title={t("systemEditor.publishTitle", { version: sys.version })}
                description={<div style={{ maxWidth: 320 }}>{t("systemEditor.publishConfirm")}</div>}
                onConfirm={onPublish}
                okButtonProps={testId("system-publish-confirm")}
                disabled={errors > 0}
              >
                <Button
                  type="primary"
                  loading={busy === "publish"}
                  disabled={errors > 0}
                  data-testid="system-publish"
                >
                  {t("systemEditor.publish")}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </>
      }
    >
      {detail.status === "published" ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("systemEditor.frozen")}
          data-testid="system-frozen"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <EditorContext value={context}>
            <Form layout="vertical" disabled={!editable} data-testid="system-editor" component="div">
              <Tabs
                activeKey={tab}
                onChange={(k) => setTab(k as Tab)}
                items={[
                  { key: "basic", label: t("systemEditor.tab.basic"), children: <BasicTab sys={sys} /> },
                  {
                    key: "sections",
                    label: t("systemEditor.tab.sections"),
                    children: (
                      <SectionsEditor
                        sys={sys}
                        issues={issues}
                        open={open}
                        setOpen={setOpen}
                        query={query}
                        setQuery={setQuery}
                      />
                    ),
                  },
                  {
                    key: "rating",
                    label: t("systemEditor.tab.rating"),
                    children: <RatingEditor rating={sys.rating} top={totals(sys).points} />,
                  },
                  {
                    key: "text",
                    label: t("systemEditor.tab.text"),
                    children:
                      tab === "text" ? (
                        <TextTab sys={sys} editable={editable} onApply={setSys} onIssues={setIssues} />
                      ) : null,
                  },
                ].map((item) => ({
                  ...item,
                  label: <span data-testid={`system-tab-${item.key}`}>{item.label}</span>,
                }))}
              />
            </Form>
          </EditorContext>
        </Col>
        <Col xs={24} xl={7}>
          <div style={{ position: "sticky", top: 16 }}>
            <IssuesPanel
              issues={issues}
              checking={checking}
              sys={sys}
              onPick={focusPath}
              editable={editable}
            />
            <TotalsCard sys={sys} onPick={focusPath} />
          </div>
        </Col>
      </Row>
      <NewVersionModal detail={detail} open={versioning} onClose={() => setVersioning(false)} />
    </PageContainer>
  );
}
