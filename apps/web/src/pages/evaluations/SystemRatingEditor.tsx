import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Divider, Flex, Select, Space, Switch, Typography } from "antd";
import { memo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import {
  AddButton,
  Field,
  ListItemControls,
  LocalizedField,
  NumberField,
  ProvenanceField,
  RowControls,
  SelectField,
  TextField,
  useEditor,
} from "./systemEditorFields";
import {
  type Band,
  type EditorSystem,
  evenBands,
  type LadderStep,
  type Level,
  newRule,
  type Overall,
  RULE_KINDS,
  type Rule,
} from "./systemForm";

// Levels (best first), section bands, the overall method (bands of the total or a ladder of section levels) and
// the rating rules (caps and zero tolerance).

function LevelsEditor({ levels }: { levels: Level[] }) {
  const { t } = useI18n();
  const { change } = useEditor();
  return (
    <Field
      path="rating.levels"
      label={`${t("systemEditor.field.levels")}（${t("systemEditor.rating.levelsHint")}）`}
    >
      <Flex vertical gap={0}>
        {levels.map((l, i) => {
          const p = `rating.levels[${i}]`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a level's id is edited here, so it cannot be the key
            <Flex key={i} gap={8} wrap align="flex-start">
              <TextField
                path={`${p}.id`}
                label={i === 0 ? t("systemEditor.field.id") : undefined}
                value={l?.id}
                width={120}
              />
              <LocalizedField
                path={`${p}.name`}
                label={t("systemEditor.field.name")}
                showLabel={i === 0}
                value={l?.name}
                width={160}
              />
              <NumberField
                path={`${p}.validityMonths`}
                label={i === 0 ? t("systemEditor.field.validityMonths") : undefined}
                value={l?.validityMonths}
                min={1}
                step={1}
              />
              <NumberField
                path={`${p}.followUpMonths`}
                label={i === 0 ? t("systemEditor.field.followUpMonths") : undefined}
                value={l?.followUpMonths}
                min={1}
                step={1}
                width={130}
              />
              <RowControls list="rating.levels" index={i} count={levels.length} />
            </Flex>
          );
        })}
        <AddButton
          label={t("systemEditor.rating.addLevel")}
          onClick={() =>
            change<Level[]>("rating.levels", (x) => [
              ...(x ?? []),
              { id: `level-${(x ?? []).length + 1}`, name: { zh: "", en: "" } },
            ])
          }
        />
      </Flex>
    </Field>
  );
}

/** Bands [min, max) of a basis, each to a level. */
function BandsEditor({ path, bands, label }: { path: string; bands: Band[]; label: string }) {
  const { t } = useI18n();
  const { change, levels } = useEditor();
  return (
    <Field path={path} label={label}>
      <Flex vertical gap={0}>
        <Typography.Text type="secondary" style={{ marginBottom: 4 }}>
          {t("systemEditor.rating.bandsHint")}
        </Typography.Text>
        {bands.map((b, i) => {
          const p = `${path}[${i}]`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: bands have no id
            <Flex key={i} gap={8} wrap align="flex-start" data-path={p}>
              <SelectField
                path={`${p}.level`}
                label={i === 0 ? t("systemEditor.field.level") : undefined}
                value={b?.level}
                options={levels}
                width={160}
              />
              <NumberField
                path={`${p}.min`}
                label={i === 0 ? t("systemEditor.field.min") : undefined}
                value={b?.min}
              />
              <NumberField
                path={`${p}.max`}
                label={i === 0 ? t("systemEditor.field.max") : undefined}
                value={b?.max}
              />
              <RowControls list={path} index={i} count={bands.length} />
            </Flex>
          );
        })}
        <AddButton
          label={t("systemEditor.rating.addBand")}
          onClick={() =>
            change<Band[]>(path, (x) => [...(x ?? []), { level: levels.at(-1)?.value ?? "", min: 0, max: 0 }])
          }
        />
      </Flex>
    </Field>
  );
}

function LadderEditor({ overall }: { overall: Overall }) {
  const { t } = useI18n();
  const { change, levels } = useEditor();
  const ladder = overall.ladder ?? [];
  const path = "rating.overall.ladder";
  return (
    <>
      <Field path={path} label={t("systemEditor.field.ladder")}>
        <Flex vertical gap={8}>
          {ladder.map((step, i) => {
            const p = `${path}[${i}]`;
            const when = step?.when ?? [];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: ladder steps have no id
              <Card key={i} size="small" data-path={p}>
                <Flex gap={8} wrap align="flex-start">
                  <SelectField
                    path={`${p}.level`}
                    label={t("systemEditor.field.level")}
                    value={step?.level}
                    options={levels}
                    width={160}
                  />
                  <RowControls list={path} index={i} count={ladder.length} labelled />
                </Flex>
                <Field path={`${p}.when`} label={t("systemEditor.field.when")}>
                  <Flex vertical gap={0}>
                    {when.map((c, ci) => {
                      const cp = `${p}.when[${ci}]`;
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id
                        <Flex key={ci} gap={8} wrap align="flex-start" data-path={cp}>
                          <SelectField
                            path={`${cp}.levels`}
                            label={ci === 0 ? t("systemEditor.field.levels") : undefined}
                            value={c?.levels ?? []}
                            options={levels}
                            mode="multiple"
                            width={260}
                          />
                          <NumberField
                            path={`${cp}.atLeast`}
                            label={ci === 0 ? t("systemEditor.field.atLeast") : undefined}
                            value={c?.atLeast}
                            min={0}
                            step={1}
                          />
                          <NumberField
                            path={`${cp}.atMost`}
                            label={ci === 0 ? t("systemEditor.field.atMost") : undefined}
                            value={c?.atMost}
                            min={0}
                            step={1}
                          />
                          <RowControls list={`${p}.when`} index={ci} count={when.length} />
                        </Flex>
                      );
                    })}
                    <AddButton
                      label={t("systemEditor.rating.addCondition")}
                      onClick={() =>
                        change<LadderStep["when"]>(`${p}.when`, (x) => [
                          ...(x ?? []),
                          { levels: [], atLeast: 1 },
                        ])
                      }
                    />
                  </Flex>
                </Field>
              </Card>
            );
          })}
          <AddButton
            label={t("systemEditor.rating.addStep")}
            onClick={() =>
              change<LadderStep[]>(path, (x) => [...(x ?? []), { level: levels[0]?.value ?? "", when: [] }])
            }
          />
        </Flex>
      </Field>
      <SelectField
        path="rating.overall.otherwise"
        label={t("systemEditor.field.otherwise")}
        value={overall.otherwise}
        options={levels}
      />
    </>
  );
}

function RuleCard({ rule, index, count }: { rule: Rule; index: number; count: number }) {
  const { t } = useI18n();
  const { update, levels, current } = useEditor();
  const p = `rating.rules[${index}]`;
  return (
    <Card
      size="small"
      data-path={p}
      title={`${index + 1}. ${RULE_KINDS.includes(rule?.kind) ? t(`systemEditor.rule.${rule.kind}`) : String(rule?.kind)}`}
      extra={<ListItemControls list="rating.rules" index={index} count={count} />}
    >
      <Flex gap={12} wrap align="flex-start">
        <Field path={`${p}.kind`} label={t("systemEditor.field.kind")} width={220}>
          <Select
            value={rule?.kind}
            options={RULE_KINDS.map((k) => ({ value: k, label: t(`systemEditor.rule.${k}`) }))}
            onChange={(k: Rule["kind"]) =>
              update(p, {
                ...newRule(k, current().rating?.levels ?? []),
                provenance: rule?.provenance ?? { kind: "authored" },
              })
            }
          />
        </Field>
        {rule?.kind === "zeroTolerance" ? (
          <SelectField
            path={`${p}.effect`}
            label={t("systemEditor.field.effect")}
            value={rule.effect}
            options={(["worstLevel", "noRating"] as const).map((e) => ({
              value: e,
              label: t(`systemEditor.effect.${e}`),
            }))}
          />
        ) : null}
        {rule?.kind === "crucialFailureCap" ? (
          <>
            <SelectField
              path={`${p}.scope`}
              label={t("systemEditor.field.scope")}
              value={rule.scope}
              width={140}
              options={(["section", "overall"] as const).map((s) => ({
                value: s,
                label: t(`systemEditor.scope.${s}`),
              }))}
            />
            <SelectField
              path={`${p}.capAt`}
              label={t("systemEditor.field.capAt")}
              value={rule.capAt}
              options={levels}
              width={160}
            />
          </>
        ) : null}
        {rule?.kind === "sectionLevelShareCap" ? (
          <>
            <SelectField
              path={`${p}.atOrWorse`}
              label={t("systemEditor.field.atOrWorse")}
              value={rule.atOrWorse}
              options={levels}
              width={200}
            />
            <NumberField
              path={`${p}.minCount`}
              label={t("systemEditor.field.minCount")}
              value={rule.minCount}
              min={1}
              step={1}
            />
            <NumberField
              path={`${p}.minSharePercent`}
              label={t("systemEditor.field.minSharePercent")}
              value={rule.minSharePercent}
              min={0}
              max={100}
              width={140}
            />
            <SelectField
              path={`${p}.capAt`}
              label={t("systemEditor.field.capAt")}
              value={rule.capAt}
              options={levels}
              width={160}
            />
          </>
        ) : null}
      </Flex>
      <ProvenanceField path={`${p}.provenance`} value={rule?.provenance} />
    </Card>
  );
}

/** Memoised on the rating and the points total: typing in a section does not render it again. */
export const RatingEditor = memo(function RatingEditor({
  rating: ratingOrNot,
  top,
}: {
  rating: EditorSystem["rating"] | undefined;
  /** The system's total points, the top of a points banding. */
  top: number;
}) {
  const { t } = useI18n();
  const { update, change, editable, current } = useEditor();
  const rating = ratingOrNot ?? ({} as EditorSystem["rating"]);
  const overall = rating.overall ?? ({} as Overall);
  const rules = rating.rules ?? [];
  const [ruleKind, setRuleKind] = useState<Rule["kind"]>("crucialFailureCap");
  return (
    <>
      <LevelsEditor levels={rating.levels ?? []} />
      <Divider />
      <Field path="rating.sectionBands">
        <Space>
          <Switch
            size="small"
            checked={rating.sectionBands !== undefined}
            onChange={(on) =>
              update("rating.sectionBands", on ? evenBands(rating.levels ?? [], 100) : undefined)
            }
            data-testid="section-bands-toggle"
          />
          <Typography.Text>{t("systemEditor.rating.useSectionBands")}</Typography.Text>
        </Space>
      </Field>
      {rating.sectionBands !== undefined ? (
        <BandsEditor
          path="rating.sectionBands"
          bands={rating.sectionBands}
          label={t("systemEditor.field.sectionBands")}
        />
      ) : null}
      <Divider />
      <Flex gap={12} wrap>
        <Field path="rating.overall.method" label={t("systemEditor.field.method")} width={220}>
          <Select
            value={overall.method}
            options={(["bands", "sectionLevels"] as const).map((m) => ({
              value: m,
              label: t(`systemEditor.overall.${m}`),
            }))}
            onChange={(m: Overall["method"]) =>
              update(
                "rating.overall",
                m === "bands"
                  ? {
                      method: m,
                      banding: { basis: "percent", bands: evenBands(current().rating?.levels ?? [], 100) },
                    }
                  : { method: m, ladder: [], otherwise: current().rating?.levels?.at(-1)?.id ?? "" },
              )
            }
          />
        </Field>
        {overall.method === "bands" ? (
          <SelectField
            path="rating.overall.banding.basis"
            label={t("systemEditor.field.bandingBasis")}
            value={overall.banding?.basis}
            options={(["percent", "points"] as const).map((b) => ({
              value: b,
              label: t(`systemEditor.basis.${b}`),
            }))}
          />
        ) : null}
        {overall.method === "bands" && overall.banding?.basis === "points" ? (
          <Typography.Text type="secondary" style={{ paddingTop: 30 }}>
            {t("systemEditor.pointsSum", { sum: top })}
          </Typography.Text>
        ) : null}
      </Flex>
      {overall.method === "bands" ? (
        <BandsEditor
          path="rating.overall.banding.bands"
          bands={overall.banding?.bands ?? []}
          label={t("systemEditor.field.banding")}
        />
      ) : overall.method === "sectionLevels" ? (
        <LadderEditor overall={overall} />
      ) : null}
      <Divider />
      <Field path="rating.rules" label={t("systemEditor.field.rules")}>
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t("systemEditor.rating.rulesHint")}</Typography.Text>
          {rules.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id
            <RuleCard key={i} rule={r} index={i} count={rules.length} />
          ))}
          {editable ? (
            <Space.Compact>
              <Select
                value={ruleKind}
                style={{ width: 220 }}
                options={RULE_KINDS.map((k) => ({ value: k, label: t(`systemEditor.rule.${k}`) }))}
                onChange={setRuleKind}
              />
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  change<Rule[]>("rating.rules", (x) => [
                    ...(x ?? []),
                    newRule(ruleKind, rating.levels ?? []),
                  ])
                }
              >
                {t("systemEditor.rating.addRule")}
              </Button>
            </Space.Compact>
          ) : null}
        </Flex>
      </Field>
    </>
  );
});
