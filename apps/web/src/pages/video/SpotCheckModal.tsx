import { UploadOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Input, Modal, Radio, Typography, Upload, type UploadFile } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import { CameraSelect } from "./CameraSelect";
import {
  type Camera,
  FINDINGS_MAX,
  SCREENSHOT_MAX_BYTES,
  SCREENSHOT_TYPES,
  type SpotCheck,
  type SpotCheckResult,
} from "./types";

interface SpotCheckValues {
  cameraId: string;
  checkedAt: Dayjs;
  result: SpotCheckResult;
  findings: string;
  screenshot?: UploadFile[];
}

interface SpotCheckModalProps {
  open: boolean;
  /** The camera to check (from its row in the register), or null to choose one. */
  camera: Camera | null;
  onClose: () => void;
  onCreated: (check: SpotCheck) => void;
}

/** The stream of the chosen camera, in full (staff only reach this page), to open in a player. */
function StreamLink({ cameraId }: { cameraId: string | null | undefined }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (!cameraId) return;
    const controller = new AbortController();
    api<Camera>(`/api/v1/cameras/${encodeURIComponent(cameraId)}`, { signal: controller.signal }).then(
      (c) => setUrl(c.streamUrl),
      () => {},
    );
    return () => controller.abort();
  }, [cameraId]);
  if (!url) return null;
  const playable = /^https?:/i.test(url);
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
      {t("video.check.stream")}{" "}
      <Typography.Text copyable={{ text: url }} code data-testid="spot-check-stream-url">
        {playable ? (
          <a href={url} target="_blank" rel="noreferrer">
            {t("video.check.openStream")}
          </a>
        ) : (
          t("video.check.copyStream")
        )}
      </Typography.Text>
    </Typography.Paragraph>
  );
}

/** Logs a remote spot check: camera, time (not in the future), result, findings and an optional screenshot. */
export function SpotCheckModal({ open, camera, onClose, onCreated }: SpotCheckModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<SpotCheckValues>();
  const cameraId = Form.useWatch("cameraId", form);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) form.setFieldsValue({ cameraId: camera?.id, checkedAt: dayjs(), result: "ok" });
  }, [open, camera, form]);

  const onFinish = async (values: SpotCheckValues) => {
    setSaving(true);
    setError(null);
    try {
      const body = new FormData();
      body.append("cameraId", values.cameraId);
      body.append("checkedAt", values.checkedAt.toISOString());
      body.append("result", values.result);
      body.append("findings", values.findings.trim());
      const file = values.screenshot?.[0]?.originFileObj;
      if (file) body.append("screenshot", file, file.name);
      onCreated(await api<SpotCheck>("/api/v1/spot-checks", { method: "POST", body }));
    } catch (err) {
      applyFieldErrors(form, err);
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const checkScreenshot = (_: unknown, files: UploadFile[] | undefined) => {
    const file = files?.[0];
    if (!file) return Promise.resolve();
    if (file.type && !SCREENSHOT_TYPES.includes(file.type))
      return Promise.reject(new Error(t("video.check.screenshot.type")));
    if ((file.size ?? 0) > SCREENSHOT_MAX_BYTES)
      return Promise.reject(new Error(t("video.check.screenshot.size")));
    return Promise.resolve();
  };

  return (
    <Modal
      open={open}
      title={t("video.check.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("video.check.submit")}
      confirmLoading={saving}
      okButtonProps={testId("spot-check-submit")}
      destroyOnHidden
      afterClose={() => setError(null)}
      width={620}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form<SpotCheckValues> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          name="cameraId"
          label={t("video.check.camera")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <CameraSelect preset={camera} />
        </Form.Item>
        <StreamLink cameraId={cameraId} />
        <Form.Item
          name="checkedAt"
          label={t("video.check.checkedAt")}
          rules={[
            { required: true, message: t("form.required") },
            {
              validator: (_, value: Dayjs | undefined) =>
                !value?.isAfter(dayjs().add(1, "minute"))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("video.check.checkedAt.future"))),
            },
          ]}
        >
          <DatePicker
            showTime
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs().endOf("day"))}
            style={{ width: 240 }}
            data-testid="spot-check-time"
          />
        </Form.Item>
        <Form.Item
          name="result"
          label={t("video.check.result")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: "ok", label: t("video.result.ok") },
              { value: "issue", label: t("video.result.issue") },
            ]}
            data-testid="spot-check-result-input"
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t("video.check.findings")}
          rules={[{ required: true, whitespace: true, message: t("form.required") }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={FINDINGS_MAX}
            showCount
            placeholder={t("video.check.findings.placeholder")}
            data-testid="spot-check-findings"
          />
        </Form.Item>
        <Form.Item
          name="screenshot"
          label={t("video.check.screenshot")}
          extra={t("video.check.screenshot.help")}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList?: UploadFile[] } | UploadFile[]) =>
            Array.isArray(e) ? e : e?.fileList
          }
          rules={[{ validator: checkScreenshot }]}
        >
          <Upload
            accept="image/png,image/jpeg"
            listType="picture"
            maxCount={1}
            beforeUpload={() => false}
            data-testid="spot-check-screenshot-input"
          >
            <Button icon={<UploadOutlined />}>{t("video.check.screenshot.choose")}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
