import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Collapse, Empty, Flex, Input, Select, Space, Tag, Typography } from "antd";
import { memo, useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import {
  AddButton,
  Field,
  ItemControls,
  ListItemControls,
  LocalizedField,
  NumberField,
  ProvenanceField,
  RowControls,
  SelectField,
  SwitchField,
  TextField,
  useEditor,
} from "./systemEditorFields";
import {
  countUnder,
  type EditorIndicator,
  type EditorSection,
  type EditorSystem,
  INDICATOR_TYPES,
  type IndicatorType,
  indicatorMatches,
  moveItem,
  newIndicator,
  newSection,
  removeItem,
  retype,
  type Scoring,
  type SystemIssue,
  totals,
} from "./systemForm";

// Sections and their indicators. A large system (44 indicators in 11 sections) stays usable: sections collapse
// (a closed one renders nothing), the search box shows only the indicators whose name matches, and a section's
// data is memoised so typing in one does not render the others.

const METRICS = [
  "labour.averageMonthlyHours",
  "labour.monthlyOvertimeOver36h",
  "labour.restDayBreaches",
  "labour.overtimePayShortfalls",
  "labour.minimumWageShortfalls",
];

function ThresholdSteps({ path, scoring }: { path: string; scoring: Scoring | undefined }) {
  const { t } = useI18n();
  const { change } = useEditor();
  const steps = scoring?.steps ?? [];
  return (
    <Flex vertical gap={0}>
      <Flex gap={12} wrap>
        <SelectField
          path={`${path}.direction`}
          label={t("systemEditor.field.direction")}
          value={scoring?.direction}
          width={240}
          options={(["higherIsBetter", "lowerIsBetter"] as const).map((d) => ({
            value: d,
            label: t(`systemEditor.direction.${d}`),
          }))}
        />
      </Flex>
      <Field path={`${path}.steps`} label={t("systemEditor.field.steps")}>
        <Flex vertical gap={4}>
          {steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id; the index is their identity here
            <Flex key={i} gap={8} align="flex-start" wrap>
              <NumberField
                path={`${path}.steps[${i}].threshold`}
                label={i === 0 ? t("systemEditor.field.threshold") : undefined}
                value={s?.threshold}
              />
              <NumberField
                path={`${path}.steps[${i}].points`}
                label={i === 0 ? t("systemEditor.field.points") : undefined}
                value={s?.points}
                min={0}
              />
              <RowControls list={`${path}.steps`} index={i} count={steps.length} />
            </Flex>
          ))}
          <AddButton
            label={t("systemEditor.add")}
            onClick={() =>
              change<Scoring["steps"]>(`${path}.steps`, (l) => [...(l ?? []), { threshold: 0, points: 0 }])
            }
          />
        </Flex>
      </Field>
    </Flex>
  );
}

function ChoiceOptions({ path, ind }: { path: string; ind: EditorIndicator }) {
  const { t } = useI18n();
  const { change } = useEditor();
  const options = ind.options ?? [];
  type Options = NonNullable<EditorIndicator["options"]>;
  return (
    <Field path={`${path}.options`} label={t("systemEditor.field.options")}>
      <Flex vertical gap={4}>
        {options.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an option's id is edited here, so it cannot be the key
          <Flex key={i} gap={8} align="flex-start" wrap>
            <TextField
              path={`${path}.options[${i}].id`}
              label={i === 0 ? t("systemEditor.field.id") : undefined}
              value={o?.id}
              width={110}
            />
            <LocalizedField
              path={`${path}.options[${i}].label`}
              label={t("systemEditor.field.label")}
              value={o?.label}
              width={220}
              showLabel={i === 0}
            />
            <NumberField
              path={`${path}.options[${i}].points`}
              label={i === 0 ? t("systemEditor.field.points") : undefined}
              value={o?.points}
              min={0}
              width={100}
            />
            <RowControls list={`${path}.options`} index={i} count={options.length} />
          </Flex>
        ))}
        <AddButton
          label={t("systemEditor.add")}
          onClick={() =>
            change<Options>(`${path}.options`, (l) => [
              ...(l ?? []),
              { id: `option-${(l ?? []).length + 1}`, label: { zh: "", en: "" }, points: 0 },
            ])
          }
        />
      </Flex>
    </Field>
  );
}

/** The fields of the indicator's type. */
function TypeFields({ path, ind }: { path: string; ind: EditorIndicator }) {
  const { t } = useI18n();
  switch (ind.type) {
    case "yesPartialNo":
      return (
        <NumberField
          path={`${path}.partialPoints`}
          label={`${t("systemEditor.field.partialPoints")}${t("systemEditor.optional")}`}
          value={ind.partialPoints}
          min={0}
          width={180}
        />
      );
    case "number":
      return (
        <>
          <Flex gap={12} wrap>
            <TextField
              path={`${path}.unit`}
              label={t("systemEditor.field.unit")}
              value={ind.unit}
              width={100}
            />
            <NumberField path={`${path}.min`} label={t("systemEditor.field.min")} value={ind.min} />
            <NumberField path={`${path}.max`} label={t("systemEditor.field.max")} value={ind.max} />
            <SwitchField
              path={`${path}.integer`}
              label={t("systemEditor.field.integer")}
              value={ind.integer}
            />
          </Flex>
          <ThresholdSteps path={`${path}.scoring`} scoring={ind.scoring} />
        </>
      );
    case "singleChoice":
    case "multiChoice":
      return <ChoiceOptions path={path} ind={ind} />;
    case "file":
      return (
        <Flex gap={12} wrap>
          <NumberField
            path={`${path}.minFiles`}
            label={t("systemEditor.field.minFiles")}
            value={ind.minFiles}
            min={1}
            step={1}
          />
          <SelectField
            path={`${path}.accept`}
            label={`${t("systemEditor.field.accept")}${t("systemEditor.optional")}`}
            value={ind.accept ?? []}
            mode="tags"
            width={300}
            options={[".pdf", ".jpg", ".png", ".xlsx", ".docx"].map((x) => ({ value: x, label: x }))}
          />
        </Flex>
      );
    case "computed":
      return (
        <>
          <Flex gap={12} wrap>
            <Field path={`${path}.metric`} label={t("systemEditor.field.metric")} width={300}>
              <MetricInput path={`${path}.metric`} value={ind.metric} />
            </Field>
            <TextField
              path={`${path}.unit`}
              label={t("systemEditor.field.unit")}
              value={ind.unit}
              width={100}
            />
          </Flex>
          <ThresholdSteps path={`${path}.scoring`} scoring={ind.scoring} />
        </>
      );
    default:
      return null;
  }
}

/** A known platform metric, or any other name (validation warns until the platform computes it). */
function MetricInput({ path, value }: { path: string; value: unknown }) {
  const { t } = useI18n();
  const { update } = useEditor();
  return (
    <Select
      value={typeof value === "string" && value !== "" ? [value] : []}
      mode="tags"
      maxCount={1}
      placeholder={t("systemEditor.metric.hint")}
      options={METRICS.map((m) => ({ value: m, label: m }))}
      onChange={(v: string[]) => update(path, v.at(-1) ?? "")}
    />
  );
}

function IndicatorCard({
  sectionIndex,
  index,
  count,
  ind,
  weighted,
}: {
  sectionIndex: number;
  index: number;
  count: number;
  ind: EditorIndicator;
  weighted: boolean;
}) {
  const { t, locale } = useI18n();
  const { update } = useEditor();
  const path = `sections[${sectionIndex}].indicators[${index}]`;
  const list = `sections[${sectionIndex}].indicators`;
  return (
    <Card
      size="small"
      data-path={path}
      data-testid={`indicator-${ind.id}`}
      title={
        <Space size={6}>
          <Typography.Text type="secondary">{index + 1}</Typography.Text>
          <span>{(locale === "en-US" ? ind.name?.en : ind.name?.zh) || ind.id}</span>
          {ind.crucial ? <Tag color="orange">{t("systemEditor.field.crucial")}</Tag> : null}
          {ind.zeroTolerance ? <Tag color="red">{t("systemEditor.field.zeroTolerance")}</Tag> : null}
        </Space>
      }
      extra={
        <ListItemControls
          list={list}
          index={index}
          count={count}
          confirm="systemEditor.indicator.remove"
          testId={`indicator-${ind.id}`}
        />
      }
      style={{ marginBottom: 12 }}
    >
      <Flex gap={12} wrap>
        <TextField path={`${path}.id`} label={t("systemEditor.field.id")} value={ind.id} width={160} />
        <Field path={`${path}.type`} label={t("systemEditor.field.type")} width={180}>
          <Select
            value={ind.type}
            options={INDICATOR_TYPES.map((x) => ({ value: x, label: t(`systemEditor.type.${x}`) }))}
            onChange={(type: IndicatorType) => update(path, retype(ind, type))}
          />
        </Field>
        <NumberField
          path={`${path}.maxPoints`}
          label={t("systemEditor.field.maxPoints")}
          value={ind.maxPoints}
          min={0}
        />
        {weighted || ind.weight !== undefined ? (
          <NumberField
            path={`${path}.weight`}
            label={t("systemEditor.field.weight")}
            value={ind.weight}
            min={0}
            max={100}
          />
        ) : null}
        <SwitchField path={`${path}.crucial`} label={t("systemEditor.field.crucial")} value={ind.crucial} />
        <SwitchField
          path={`${path}.zeroTolerance`}
          label={t("systemEditor.field.zeroTolerance")}
          value={ind.zeroTolerance}
        />
        <SwitchField
          path={`${path}.allowNotApplicable`}
          label={t("systemEditor.field.allowNotApplicable")}
          value={ind.allowNotApplicable}
        />
      </Flex>
      <Flex gap={12} wrap>
        <LocalizedField
          path={`${path}.name`}
          label={t("systemEditor.field.name")}
          value={ind.name}
          width={340}
        />
      </Flex>
      <TypeFields path={path} ind={ind} />
      <Flex gap={12} wrap>
        <LocalizedField
          path={`${path}.guidance`}
          label={t("systemEditor.field.guidance")}
          value={ind.guidance}
          optional
          textArea
          width={340}
        />
      </Flex>
      <Flex gap={12} wrap align="flex-start">
        <ProvenanceField path={`${path}.provenance`} value={ind.provenance} />
        <SelectField
          path={`${path}.tags`}
          label={`${t("systemEditor.field.tags")}${t("systemEditor.optional")}`}
          value={ind.tags ?? []}
          mode="tags"
          width={240}
          options={[]}
        />
      </Flex>
    </Card>
  );
}

interface SectionBodyProps {
  section: EditorSection;
  index: number;
  weighted: boolean;
  query: string;
}

/** An open section's fields and indicators. */
const SectionBody = memo(function SectionBody({ section, index, weighted, query }: SectionBodyProps) {
  const { t } = useI18n();
  const { change } = useEditor();
  const path = `sections[${index}]`;
  const indicators = section.indicators ?? [];
  const shown = indicators.map((ind, i) => ({ ind, i })).filter(({ ind }) => indicatorMatches(ind, query));
  const weightSum = indicators.reduce((a, i) => a + (typeof i.weight === "number" ? i.weight : 0), 0);
  return (
    <>
      <Flex gap={12} wrap>
        <TextField path={`${path}.id`} label={t("systemEditor.field.id")} value={section.id} width={160} />
        <LocalizedField path={`${path}.name`} label={t("systemEditor.field.name")} value={section.name} />
        {weighted || section.weight !== undefined ? (
          <NumberField
            path={`${path}.weight`}
            label={t("systemEditor.field.weight")}
            value={section.weight}
            min={0}
            max={100}
          />
        ) : null}
      </Flex>
      <Flex gap={12} wrap>
        <LocalizedField
          path={`${path}.description`}
          label={t("systemEditor.field.description")}
          value={section.description}
          optional
          textArea
        />
      </Flex>
      <ProvenanceField path={`${path}.provenance`} value={section.provenance} optional />
      <Field path={`${path}.indicators`}>
        <Typography.Text
          type={weighted && Math.abs(weightSum - 100) > 1e-6 ? "danger" : "secondary"}
          data-testid={`section-sum-${index}`}
        >
          {weighted
            ? t("systemEditor.weightSum", { sum: Math.round(weightSum * 1e6) / 1e6 })
            : t("systemEditor.pointsSum", { sum: totals({ sections: [section] } as EditorSystem).points })}
        </Typography.Text>
      </Field>
      {shown.map(({ ind, i }) => (
        <IndicatorCard
          key={`${i}:${ind.id}`}
          sectionIndex={index}
          index={i}
          count={indicators.length}
          ind={ind}
          weighted={weighted}
        />
      ))}
      {shown.length < indicators.length ? (
        <Typography.Paragraph type="secondary">
          {t("systemEditor.indicator.hidden", { count: indicators.length - shown.length })}
        </Typography.Paragraph>
      ) : null}
      <AddIndicator
        sectionIndex={index}
        onAdd={(ind) => change<EditorIndicator[]>(`${path}.indicators`, (l) => [...(l ?? []), ind])}
      />
    </>
  );
});

function AddIndicator({
  sectionIndex,
  onAdd,
}: {
  sectionIndex: number;
  onAdd: (ind: EditorIndicator) => void;
}) {
  const { t } = useI18n();
  const { editable, current } = useEditor();
  const [type, setType] = useState<IndicatorType>("yesPartialNo");
  if (!editable) return null;
  return (
    <Space.Compact>
      <Select
        value={type}
        style={{ width: 180 }}
        options={INDICATOR_TYPES.map((x) => ({ value: x, label: t(`systemEditor.type.${x}`) }))}
        onChange={setType}
      />
      <Button
        icon={<PlusOutlined />}
        onClick={() => onAdd(newIndicator(current(), type))}
        data-testid={`indicator-add-${sectionIndex}`}
      >
        {t("systemEditor.indicator.add")}
      </Button>
    </Space.Compact>
  );
}

/** Sections as collapsible panels, with the search box and the add button. */
export function SectionsEditor({
  sys,
  issues,
  open,
  setOpen,
  query,
  setQuery,
}: {
  sys: EditorSystem;
  issues: readonly SystemIssue[];
  open: string[];
  setOpen: (keys: string[]) => void;
  query: string;
  setQuery: (q: string) => void;
}) {
  const { t, locale } = useI18n();
  const { change, issues: byPath } = useEditor();
  const sections = sys.sections ?? [];
  const weighted = sys.scoringMethod === "weightedPercent";
  const sums = useMemo(() => totals(sys), [sys]);
  const matching = sections.map((s) => (s.indicators ?? []).filter((i) => indicatorMatches(i, query)).length);
  const searching = query.trim() !== "";
  // While searching, every section with a match is open and the others are hidden.
  const visible = sections.map((_, i) => i).filter((i) => !searching || (matching[i] ?? 0) > 0);
  const activeKey = searching ? visible.map(String) : open;
  // Clearing the search keeps open the sections it showed: the administrator stays where they were.
  const search = (q: string) => {
    if (searching && q.trim() === "") setOpen([...new Set([...open, ...visible.map(String)])]);
    setQuery(q);
  };
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t("systemEditor.sections.search")}
          value={query}
          onChange={(e) => search(e.target.value)}
          style={{ width: 280 }}
          data-testid="indicator-search"
        />
        {searching ? (
          <Typography.Text type="secondary" data-testid="indicator-search-count">
            {t("systemEditor.sections.matches", { count: matching.reduce((a, b) => a + b, 0) })}
          </Typography.Text>
        ) : (
          <>
            <Button size="small" onClick={() => setOpen(sections.map((_, i) => String(i)))}>
              {t("systemEditor.sections.expandAll")}
            </Button>
            <Button size="small" onClick={() => setOpen([])}>
              {t("systemEditor.sections.collapseAll")}
            </Button>
          </>
        )}
        <Typography.Text
          type={weighted && Math.abs(sums.sectionWeights - 100) > 1e-6 ? "danger" : "secondary"}
          data-testid="system-sum"
        >
          {weighted
            ? t("systemEditor.sectionWeightSum", { sum: sums.sectionWeights })
            : t("systemEditor.pointsSum", { sum: sums.points })}
        </Typography.Text>
      </Flex>
      {sections.length === 0 || byPath.has("sections") ? (
        <Field path="sections">
          {sections.length === 0 ? <Empty description={t("systemEditor.sections.empty")} /> : null}
        </Field>
      ) : null}
      {searching && visible.length === 0 ? (
        <Empty description={t("systemEditor.sections.noMatch", { query })} />
      ) : null}
      <Collapse
        activeKey={activeKey}
        onChange={(keys) => !searching && setOpen(Array.isArray(keys) ? keys : [keys])}
        destroyOnHidden
        items={visible.map((i) => {
          const s = sections[i] as EditorSection;
          const path = `sections[${i}]`;
          const c = countUnder(issues, path);
          const sum = sums.sections[i];
          return {
            key: String(i),
            label: (
              <Space size={8} wrap data-testid={`section-header-${i}`}>
                <Typography.Text strong>
                  {i + 1}. {(locale === "en-US" ? s.name?.en : s.name?.zh) || s.id}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t("systemEditor.totals.indicators", { count: sum?.indicators ?? 0 })}
                  {weighted ? ` · ${t("systemEditor.field.weight")} ${s.weight ?? "—"}` : ""}
                  {` · ${t("systemEditor.totals.points")} ${sum?.points ?? 0}`}
                </Typography.Text>
                {c.errors > 0 ? <Badge count={c.errors} title={t("systemEditor.issues.error")} /> : null}
                {c.warnings > 0 ? (
                  <Badge count={c.warnings} color="orange" title={t("systemEditor.issues.warning")} />
                ) : null}
              </Space>
            ),
            extra: (
              <ItemControls
                index={i}
                count={sections.length}
                confirm="systemEditor.section.remove"
                testId={`section-${i}`}
                onMove={(to) => {
                  change<EditorSection[]>("sections", (l) => moveItem(l ?? [], i, to));
                  setOpen([]);
                }}
                onRemove={() => {
                  change<EditorSection[]>("sections", (l) => removeItem(l ?? [], i));
                  setOpen([]);
                }}
              />
            ),
            children: <SectionBody section={s} index={i} weighted={weighted} query={query} />,
          };
        })}
      />
      <div style={{ marginTop: 12 }}>
        <AddButton
          label={t("systemEditor.sections.add")}
          testId="section-add"
          onClick={() => {
            change<EditorSection[]>("sections", (l) => [...(l ?? []), newSection(sys)]);
            setOpen([...open, String(sections.length)]);
          }}
        />
      </div>
    </>
  );
}
