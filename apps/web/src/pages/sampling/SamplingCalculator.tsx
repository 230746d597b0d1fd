import { Card, Col, Empty, Form, InputNumber, Row, Select, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useApi } from "../../api/useApi";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/I18nProvider";
import { useDebouncedValue } from "../../utils/useDebouncedValue";
import { ResultCard } from "./ResultCard";
import {
  AQL_LABELS,
  type ClassPlans,
  DEFECT_CLASSES,
  GENERAL_LEVELS,
  INSPECTION_LEVELS,
  INSPECTION_STAGES,
  NOT_ALLOWED,
  SPECIAL_LEVELS,
} from "./types";

interface SamplingForm {
  lotSize: number | null;
  level: string;
  stage: string;
  aqlCritical: string;
  aqlMajor: string;
  aqlMinor: string;
}

/** Garment-industry defaults: level II, normal inspection, critical not allowed, major 2.5, minor 4.0. */
const DEFAULTS: SamplingForm = {
  lotSize: null,
  level: "II",
  stage: "normal",
  aqlCritical: NOT_ALLOWED,
  aqlMajor: "2.5",
  aqlMinor: "4.0",
};

const isLotSize = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 1;

/** The form's starting values from the address (?lotSize=1200&level=II…), so a plan can be shared as a link. */
function fromSearch(params: URLSearchParams): SamplingForm {
  const pick = (key: keyof SamplingForm, allowed: readonly string[]) => {
    const v = params.get(key);
    return v !== null && allowed.includes(v) ? v : (DEFAULTS[key] as string);
  };
  const lot = Number(params.get("lotSize") ?? "");
  return {
    lotSize: params.get("lotSize") && isLotSize(lot) ? lot : null,
    level: pick("level", INSPECTION_LEVELS),
    stage: pick("stage", INSPECTION_STAGES),
    aqlCritical: pick("aqlCritical", [NOT_ALLOWED, ...AQL_LABELS]),
    aqlMajor: pick("aqlMajor", AQL_LABELS),
    aqlMinor: pick("aqlMinor", AQL_LABELS),
  };
}

/**
 * AQL sampling plan calculator (GB/T 2828.1 / ISO 2859-1): lot size, inspection level, stage and an AQL per defect
 * class in; one result card per class out, recomputed as the form changes. Used by the public portal and the
 * console alike.
 */
export function SamplingCalculator() {
  const { t } = useI18n();
  const [form] = Form.useForm<SamplingForm>();
  const [searchParams, setSearchParams] = useSearchParams();
  const [initial] = useState(() => fromSearch(searchParams));
  const [values, setValues] = useState<SamplingForm>(initial);
  const query = useDebouncedValue(values, 250);
  const valid = isLotSize(query.lotSize);
  const { data, error, loading } = useApi<ClassPlans>(valid ? "/api/v1/sampling/plans" : null, {
    ...query,
    lotSize: query.lotSize ?? undefined,
  });

  const onValuesChange = (_: Partial<SamplingForm>, all: SamplingForm) => {
    setValues(all);
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(all)) {
      if (value !== null && value !== undefined && value !== "") next.set(key, String(value));
    }
    setSearchParams(next, { replace: true });
  };

  const aqlOptions = AQL_LABELS.map((a) => ({ value: a, label: a }));
  const levelOptions = [
    {
      label: t("sampling.level.general"),
      options: GENERAL_LEVELS.map((l) => ({ value: l, label: l === "II" ? t("sampling.level.II") : l })),
    },
    { label: t("sampling.level.special"), options: SPECIAL_LEVELS.map((l) => ({ value: l, label: l })) },
  ];
  const stageOptions = INSPECTION_STAGES.map((s) => ({ value: s, label: t(`sampling.stage.${s}`) }));
  const showResults = valid && !error && data !== undefined;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Form<SamplingForm>
          form={form}
          layout="vertical"
          initialValues={initial}
          onValuesChange={onValuesChange}
          data-testid="sampling-form"
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item
                name="lotSize"
                label={t("sampling.form.lotSize")}
                rules={[{ type: "integer", min: 1, message: t("sampling.form.lotSize.invalid") }]}
              >
                <InputNumber
                  min={1}
                  precision={0}
                  style={{ width: "100%" }}
                  placeholder={t("sampling.form.lotSize.placeholder")}
                  data-testid="sampling-lot-size"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="level" label={t("sampling.form.level")}>
                <Select options={levelOptions} data-testid="sampling-level" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="stage" label={t("sampling.form.stage")}>
                <Select options={stageOptions} data-testid="sampling-stage" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="aqlCritical" label={t("sampling.form.aqlCritical")}>
                <Select
                  options={[{ value: NOT_ALLOWED, label: t("sampling.aql.notAllowed") }, ...aqlOptions]}
                  data-testid="sampling-aql-critical"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="aqlMajor" label={t("sampling.form.aqlMajor")}>
                <Select options={aqlOptions} data-testid="sampling-aql-major" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="aqlMinor" label={t("sampling.form.aqlMinor")}>
                <Select options={aqlOptions} data-testid="sampling-aql-minor" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t("sampling.note.critical")}
          </Typography.Paragraph>
        </Form>
      </Card>
      <ErrorAlert error={valid ? error : null} />
      {showResults ? (
        <Row gutter={[16, 16]} data-testid="sampling-results">
          {DEFECT_CLASSES.map((cls) => (
            <Col xs={24} lg={8} key={cls}>
              <ResultCard cls={cls} plan={data[cls]} lotSize={query.lotSize ?? 0} />
            </Col>
          ))}
        </Row>
      ) : valid && loading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Card>
          <Empty description={t("sampling.empty")} data-testid="sampling-empty" />
        </Card>
      )}
    </>
  );
}
