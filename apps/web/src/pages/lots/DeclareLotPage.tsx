import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { PageContainer } from "../../components/PageContainer";
import { useI18n } from "../../i18n/I18nProvider";
import { countryOptions } from "./countries";
import {
  AttachmentList,
  AttachmentUpload,
  DecisionPanel,
  LotStatusTag,
  useProductCategories,
} from "./shared";
import type { Attachment, Lot } from "./types";

interface FormValues {
  productCategory: string;
  hsCode: string;
  description?: string;
  quantity: number;
  unit?: string;
  lotSize: number;
  valueUsd: number;
  destination: string;
  buyer?: string;
  brand?: string;
  shipDate: Dayjs;
  selfInspection: { sampleSize: number; defectsFound: number; passed: boolean; note?: string };
}

const UNITS = ["pcs", "sets", "dozens", "cartons"];

function toBody(v: FormValues) {
  const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    productCategory: v.productCategory,
    hsCode: v.hsCode.trim(),
    description: blank(v.description),
    quantity: v.quantity,
    unit: blank(v.unit),
    lotSize: v.lotSize,
    valueUsd: v.valueUsd,
    destination: v.destination,
    buyer: blank(v.buyer),
    brand: blank(v.brand),
    shipDate: v.shipDate.format("YYYY-MM-DD"),
    selfInspection: {
      sampleSize: v.selfInspection.sampleSize,
      defectsFound: v.selfInspection.defectsFound,
      passed: v.selfInspection.passed,
      note: blank(v.selfInspection.note),
    },
  };
}

/** After the declaration: the decision and its reason up front, the report upload, and the way on. */
function Declared({ lot, onAnother }: { lot: Lot; onAnother: () => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<Attachment[]>([]);
  return (
    <Card>
      <Result
        status={lot.decision === "release" ? "success" : "info"}
        title={t("lots.declared.title", { no: lot.declarationNo })}
        subTitle={<LotStatusTag status={lot.status} />}
        extra={
          <Space>
            <Link to={`/console/lots/${lot.id}`} data-testid="declared-lot-link">
              <Button type="primary">{t("lots.declared.viewLot")}</Button>
            </Link>
            <Button onClick={onAnother} data-testid="declare-another">
              {t("lots.declared.another")}
            </Button>
          </Space>
        }
      />
      <DecisionPanel lot={lot} />
      <Card size="small" title={t("lots.declared.upload")} style={{ marginTop: 16 }}>
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Alert type="info" showIcon title={t("lots.declared.uploadHint")} />
          <AttachmentUpload
            lotId={lot.id}
            label={t("lots.upload")}
            onUploaded={(a) => setFiles((f) => [...f, a])}
          />
          {files.length > 0 ? <AttachmentList items={files} /> : null}
        </Space>
      </Card>
    </Card>
  );
}

export function DeclareLotPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const categories = useProductCategories();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [declared, setDeclared] = useState<Lot | null>(null);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const categoryCode = Form.useWatch("productCategory", form);
  const prefixes = categories.items.find((c) => c.code === categoryCode)?.hsPrefixes ?? [];

  const onFinish = async (values: FormValues) => {
    setSubmitting(true);
    setError(null);
    try {
      setDeclared(await api<Lot>("/api/v1/lots", { method: "POST", body: toBody(values) }));
      window.scrollTo({ top: 0 });
    } catch (err) {
      setError(err);
      applyFieldErrors(form, err);
    } finally {
      setSubmitting(false);
    }
  };

  if (declared) {
    return (
      <PageContainer title={t("lots.declare.title")}>
        <Declared
          lot={declared}
          onAnother={() => {
            setDeclared(null);
            form.resetFields();
          }}
        />
      </PageContainer>
    );
  }

  const required = [{ required: true, message: t("form.required") }];
  return (
    <PageContainer title={t("lots.declare.title")}>
      <ErrorAlert error={error} showFields={false} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          unit: "pcs",
          shipDate: dayjs().add(7, "day"),
          selfInspection: { sampleSize: 0, defectsFound: 0, passed: true },
        }}
        data-testid="declare-form"
      >
        <Card title={t("lots.section.goods")} style={{ marginBottom: 16 }}>
          {categories.failed ? (
            <Alert
              type="warning"
              showIcon
              title={t("lots.categories.unavailable")}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="productCategory" label={t("lots.field.productCategory")} rules={required}>
                {categories.failed ? (
                  <Input data-testid="declare-category" />
                ) : (
                  <Select
                    loading={categories.loading}
                    options={categories.options}
                    showSearch={{ optionFilterProp: "label" }}
                    data-testid="declare-category"
                  />
                )}
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="hsCode"
                label={t("lots.field.hsCode")}
                extra={
                  prefixes.length ? t("lots.hint.hsPrefix", { prefixes: prefixes.join(" / ") }) : undefined
                }
                rules={[...required, { pattern: /^\d{6,10}$/, message: "6–10" }]}
              >
                <Input maxLength={10} inputMode="numeric" data-testid="declare-hs-code" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="brand" label={t("lots.field.brand")}>
                <Input maxLength={100} data-testid="declare-brand" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t("lots.field.description")}>
                <Input.TextArea maxLength={500} rows={2} data-testid="declare-description" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="quantity" label={t("lots.field.quantity")} rules={required}>
                <InputNumber min={1} precision={0} style={{ width: "100%" }} data-testid="declare-quantity" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="unit" label={t("lots.field.unit")}>
                <AutoComplete options={UNITS.map((u) => ({ value: u }))} data-testid="declare-unit" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="lotSize"
                label={t("lots.field.lotSize")}
                extra={t("lots.hint.lotSize")}
                rules={required}
              >
                <InputNumber min={1} precision={0} style={{ width: "100%" }} data-testid="declare-lot-size" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="valueUsd" label={t("lots.field.valueUsd")} rules={required}>
                <InputNumber min={0} precision={2} style={{ width: "100%" }} data-testid="declare-value" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t("lots.section.shipment")} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="destination" label={t("lots.field.destination")} rules={required}>
                <Select
                  options={countries}
                  showSearch={{ optionFilterProp: "label" }}
                  data-testid="declare-destination"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="buyer" label={t("lots.field.buyer")}>
                <Input maxLength={200} data-testid="declare-buyer" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="shipDate" label={t("lots.field.shipDate")} rules={required}>
                <DatePicker
                  style={{ width: "100%" }}
                  disabledDate={(d) => d.isBefore(dayjs(), "day")}
                  data-testid="declare-ship-date"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t("lots.section.self")} style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon title={t("lots.self.hint")} style={{ marginBottom: 16 }} />
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item
                name={["selfInspection", "sampleSize"]}
                label={t("lots.self.sampleSize")}
                rules={required}
              >
                <InputNumber
                  min={0}
                  precision={0}
                  style={{ width: "100%" }}
                  data-testid="declare-self-sample"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={["selfInspection", "defectsFound"]}
                label={t("lots.self.defectsFound")}
                rules={required}
              >
                <InputNumber
                  min={0}
                  precision={0}
                  style={{ width: "100%" }}
                  data-testid="declare-self-defects"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={["selfInspection", "passed"]} label={t("lots.self.passed")} rules={required}>
                <Radio.Group data-testid="declare-self-passed">
                  <Radio.Button value={true}>{t("lots.result.accepted")}</Radio.Button>
                  <Radio.Button value={false}>{t("lots.result.rejected")}</Radio.Button>
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name={["selfInspection", "note"]} label={t("lots.self.note")}>
                <Input.TextArea maxLength={500} rows={2} data-testid="declare-self-note" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={submitting}
            data-testid="declare-submit"
          >
            {t("lots.declare.submit")}
          </Button>
        </Form.Item>
      </Form>
    </PageContainer>
  );
}
