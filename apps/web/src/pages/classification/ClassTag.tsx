import { Tag } from "antd";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import type { ClassSource, EnterpriseClass } from "./types";

/** Class I is the best: green; IV the worst: red. */
export const CLASS_COLORS: Record<EnterpriseClass, string> = {
  I: "green",
  II: "blue",
  III: "orange",
  IV: "red",
};

export function classLabelKey(cls: EnterpriseClass): MessageKey {
  return `class.${cls}` as MessageKey;
}

interface ClassTagProps {
  cls: EnterpriseClass;
  /** Unclassified exporters are supervised as class III but shown apart. */
  source?: ClassSource;
  large?: boolean;
  testId?: string;
}

export function ClassTag({ cls, source, large = false, testId }: ClassTagProps) {
  const { t } = useI18n();
  const unclassified = source === "unclassified";
  return (
    <Tag
      color={unclassified ? "default" : CLASS_COLORS[cls]}
      className={large ? "class-tag-large" : undefined}
      style={large ? { fontSize: 22, lineHeight: "40px", padding: "0 18px", marginInlineEnd: 12 } : undefined}
      data-testid={testId}
      data-class={cls}
      data-source={source}
    >
      {unclassified ? t("class.none") : t(classLabelKey(cls))}
    </Tag>
  );
}

const SOURCE_COLORS: Record<ClassSource, string> = {
  decision: "processing",
  override: "purple",
  unclassified: "default",
};

export function SourceTag({ source }: { source: ClassSource }) {
  const { t } = useI18n();
  return (
    <Tag color={SOURCE_COLORS[source]} data-testid="class-source">
      {t(`classSource.${source}` as MessageKey)}
    </Tag>
  );
}
