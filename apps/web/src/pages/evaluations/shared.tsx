import { Tag } from "antd";
import { type MessageKey, useI18n } from "../../i18n/I18nProvider";
import type { LocalizedText } from "./types";

/** A key of this module built from data (a stage, an action, a rule), falling back to the raw value. */
export function useDynamicText() {
  const { t, locale } = useI18n();
  const dyn = (prefix: string, value: string) => {
    const key = `${prefix}.${value}` as MessageKey;
    const text = t(key);
    return text === key ? value : text;
  };
  const loc = (text: LocalizedText | undefined) => (text ? (locale === "en-US" ? text.en : text.zh) : "");
  return { t, locale, dyn, loc };
}

const STAGE_COLOURS: Record<string, string> = {
  draft: "default",
  selfAssessment: "blue",
  expertInitial: "geekblue",
  trainingTrial: "purple",
  reassessment: "orange",
  rated: "green",
  followUp: "cyan",
  closed: "default",
  cancelled: "red",
};

export function StageTag({ stage }: { stage: string }) {
  const { dyn } = useDynamicText();
  return (
    <Tag color={STAGE_COLOURS[stage] ?? "default"} data-testid={`stage-${stage}`}>
      {dyn("evaluations.stage", stage)}
    </Tag>
  );
}

const CAP_COLOURS: Record<string, string> = {
  open: "orange",
  submitted: "blue",
  rejected: "red",
  accepted: "cyan",
  verified: "green",
  closed: "default",
};

export function CapTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t, dyn } = useDynamicText();
  return (
    <>
      <Tag color={CAP_COLOURS[status] ?? "default"} data-testid={`cap-status-${status}`}>
        {dyn("evaluations.cap", status)}
      </Tag>
      {overdue ? <Tag color="red">{t("evaluations.cap.overdue")}</Tag> : null}
    </>
  );
}
