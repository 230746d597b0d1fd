import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Switch, Tooltip } from "antd";
import { createContext, type ReactNode, useContext } from "react";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import { type EditorSystem, moveItem, type Provenance, removeItem, type SystemIssue } from "./systemForm";
import type { LocalizedText } from "./types";

// Field controls of the evaluation-system editor. Each edits one path of the definition and shows the validator's
// issues at that path under it; `data-path` lets an issue in the validation panel scroll to its field.

export interface EditorContextValue {
  editable: boolean;
  /** Sets the value at a path ("sections[1].weight"); undefined removes an optional field. */
  update: (path: string, value: unknown) => void;
  /** Replaces the value at a path by a function of it (list edits). */
  change: <T>(path: string, fn: (old: T) => T) => void;
  issues: ReadonlyMap<string, SystemIssue[]>;
  /** The system's level ids, for the selects of bands and rules. */
  levels: { value: string; label: string }[];
  /** The system as it is now (stable: reading it does not re-render). */
  current: () => EditorSystem;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor outside the system editor");
  return value;
}

/** The DOM id of a field, for scrolling to it. */
export const fieldTestId = (path: string) => `field-${path}`;

/** A labelled field showing the issues at `path` (and at `alsoPaths`, e.g. a whole LocalizedText). */
export function Field({
  path,
  label,
  children,
  width,
  alsoPaths = [],
}: {
  path: string;
  label?: ReactNode;
  children: ReactNode;
  width?: number | string;
  alsoPaths?: string[];
}) {
  const { issues } = useEditor();
  const here = [path, ...alsoPaths].flatMap((p) => issues.get(p) ?? []);
  const error = here.some((i) => i.severity === "error");
  return (
    <div data-path={path} style={{ width }}>
      <Form.Item
        label={label}
        style={{ marginBottom: 8 }}
        validateStatus={here.length === 0 ? undefined : error ? "error" : "warning"}
        help={
          here.length > 0 ? (
            <span data-testid={`field-issue-${path}`}>{here.map((i) => i.message).join("；")}</span>
          ) : undefined
        }
      >
        {children}
      </Form.Item>
    </div>
  );
}

export function TextField({
  path,
  label,
  value,
  width = 200,
  placeholder,
  optional,
}: {
  path: string;
  label?: ReactNode;
  value: unknown;
  width?: number | string;
  placeholder?: string;
  /** Emptied, the field is removed rather than sent as "". */
  optional?: boolean;
}) {
  const { update } = useEditor();
  return (
    <Field path={path} label={label} width={width}>
      <Input
        value={typeof value === "string" ? value : value === undefined ? "" : String(value)}
        placeholder={placeholder}
        onChange={(e) => update(path, optional && e.target.value === "" ? undefined : e.target.value)}
        data-testid={fieldTestId(path)}
      />
    </Field>
  );
}

export function NumberField({
  path,
  label,
  value,
  width = 120,
  min,
  max,
  step,
}: {
  path: string;
  label?: ReactNode;
  value: unknown;
  width?: number;
  min?: number;
  max?: number;
  step?: number;
}) {
  const { update } = useEditor();
  return (
    <Field path={path} label={label} width={width}>
      <InputNumber
        value={typeof value === "number" ? value : null}
        min={min}
        max={max}
        step={step}
        style={{ width: "100%" }}
        onChange={(v) => update(path, typeof v === "number" ? v : undefined)}
        data-testid={fieldTestId(path)}
      />
    </Field>
  );
}

export function SelectField<V extends string>({
  path,
  label,
  value,
  options,
  width = 200,
  allowClear,
  mode,
}: {
  path: string;
  label?: ReactNode;
  value: unknown;
  options: { value: V; label: string }[];
  width?: number;
  allowClear?: boolean;
  mode?: "multiple" | "tags";
}) {
  const { update } = useEditor();
  return (
    <Field path={path} label={label} width={width}>
      <Select
        value={value as V}
        options={options}
        allowClear={allowClear}
        mode={mode}
        showSearch={options.length > 8}
        optionFilterProp="label"
        onChange={(v: unknown) =>
          update(path, v === null || (Array.isArray(v) && v.length === 0) ? undefined : v)
        }
        data-testid={fieldTestId(path)}
      />
    </Field>
  );
}

/** A flag stored as true or left out. */
export function SwitchField({ path, label, value }: { path: string; label: ReactNode; value: unknown }) {
  const { update } = useEditor();
  return (
    <Field path={path} label={label}>
      <Switch
        checked={value === true}
        size="small"
        onChange={(on) => update(path, on ? true : undefined)}
        data-testid={fieldTestId(path)}
      />
    </Field>
  );
}

/** A Chinese and an English text; an optional one emptied in both languages is removed. */
export function LocalizedField({
  path,
  label,
  value,
  optional,
  width = 260,
  textArea,
  showLabel = true,
}: {
  path: string;
  label: string;
  value: LocalizedText | undefined;
  optional?: boolean;
  width?: number;
  textArea?: boolean;
  /** Off in the rows of a list after the first, whose labels head the columns. */
  showLabel?: boolean;
}) {
  const { t } = useI18n();
  const { update } = useEditor();
  const set = (lang: "zh" | "en", text: string) => {
    const next = { zh: value?.zh ?? "", en: value?.en ?? "", [lang]: text };
    update(path, optional && next.zh === "" && next.en === "" ? undefined : next);
  };
  const Control = textArea ? Input.TextArea : Input;
  return (
    <>
      {(["zh", "en"] as const).map((lang, i) => (
        <Field
          key={lang}
          path={`${path}.${lang}`}
          alsoPaths={i === 0 ? [path] : []}
          label={
            showLabel
              ? `${label}（${t(`systemEditor.field.${lang}`)}）${optional ? t("systemEditor.optional") : ""}`
              : undefined
          }
          width={width}
        >
          <Control
            value={value?.[lang] ?? ""}
            onChange={(e) => set(lang, e.target.value)}
            data-testid={fieldTestId(`${path}.${lang}`)}
            {...(textArea ? { autoSize: { minRows: 1, maxRows: 4 } } : {})}
          />
        </Field>
      ))}
    </>
  );
}

/** Where a part comes from: a cited source or authored (with its basis). `optional` offers "none". */
export function ProvenanceField({
  path,
  value,
  optional,
}: {
  path: string;
  value: Provenance | undefined;
  optional?: boolean;
}) {
  const { t } = useI18n();
  const { update } = useEditor();
  const kinds = ["source", "authored"] as const;
  return (
    <Flex gap={12} wrap align="flex-start">
      <Field path={`${path}.kind`} alsoPaths={[path]} label={t("systemEditor.field.provenance")} width={150}>
        <Select
          value={value?.kind ?? ""}
          options={[
            ...(optional ? [{ value: "", label: t("systemEditor.none") }] : []),
            ...kinds.map((k) => ({ value: k, label: t(`systemEditor.provenance.${k}`) })),
          ]}
          onChange={(k: string) =>
            update(path, k === "" ? undefined : k === "source" ? { kind: k, cite: "" } : { kind: k })
          }
          data-testid={fieldTestId(`${path}.kind`)}
        />
      </Field>
      {value?.kind === "source" ? (
        <>
          <TextField
            path={`${path}.cite`}
            label={t("systemEditor.field.cite")}
            value={value.cite}
            width={280}
          />
          <SwitchField
            path={`${path}.verified`}
            label={t("systemEditor.field.verified")}
            value={value.verified}
          />
        </>
      ) : value?.kind === "authored" ? (
        <TextField
          path={`${path}.basis`}
          label={t("systemEditor.field.basis")}
          value={value.basis}
          width={320}
          optional
        />
      ) : null}
    </Flex>
  );
}

/** The add button under a list (hidden when read-only). */
export function AddButton({
  label,
  onClick,
  testId,
}: {
  label: string;
  onClick: () => void;
  testId?: string;
}) {
  const { editable } = useEditor();
  if (!editable) return null;
  return (
    <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

/** Up, down and delete buttons of a list item (delete asks first when `confirm` is given). */
export function ItemControls({
  index,
  count,
  onMove,
  onRemove,
  confirm,
  testId,
}: {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  confirm?: MessageKey;
  testId?: string;
}) {
  const { t } = useI18n();
  const { editable } = useEditor();
  if (!editable) return null;
  const remove = (
    <Button
      size="small"
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label={t("systemEditor.delete")}
      onClick={confirm ? undefined : onRemove}
      data-testid={testId ? `${testId}-remove` : undefined}
    />
  );
  return (
    // Clicks here must not toggle a collapse panel whose header holds the controls.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops propagation; the buttons are the controls
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above
    <span onClick={(e) => e.stopPropagation()}>
      <Tooltip title={t("systemEditor.moveUp")}>
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          disabled={index === 0}
          aria-label={t("systemEditor.moveUp")}
          onClick={() => onMove(index - 1)}
        />
      </Tooltip>
      <Tooltip title={t("systemEditor.moveDown")}>
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          disabled={index === count - 1}
          aria-label={t("systemEditor.moveDown")}
          onClick={() => onMove(index + 1)}
        />
      </Tooltip>
      {confirm ? (
        <Popconfirm title={t(confirm)} onConfirm={onRemove}>
          {remove}
        </Popconfirm>
      ) : (
        remove
      )}
    </span>
  );
}

/** The ItemControls of item `index` of the list at `list`, moving and removing it there. */
export function ListItemControls({
  list,
  index,
  count,
  confirm,
  testId,
}: {
  list: string;
  index: number;
  count: number;
  confirm?: MessageKey;
  testId?: string;
}) {
  const { change } = useEditor();
  return (
    <ItemControls
      index={index}
      count={count}
      confirm={confirm}
      testId={testId}
      onMove={(to) => change<unknown[]>(list, (l) => moveItem(l ?? [], index, to))}
      onRemove={() => change<unknown[]>(list, (l) => removeItem(l ?? [], index))}
    />
  );
}

/** ListItemControls at the end of a row of fields, level with them: labels head only the first row unless `labelled`. */
export function RowControls({
  list,
  index,
  count,
  labelled = index === 0,
}: {
  list: string;
  index: number;
  count: number;
  labelled?: boolean;
}) {
  return (
    <div style={{ paddingTop: labelled ? 30 : 4 }}>
      <ListItemControls list={list} index={index} count={count} />
    </div>
  );
}
