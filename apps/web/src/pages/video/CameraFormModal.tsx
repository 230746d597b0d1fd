import { Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import type { Camera, CameraInput } from "./types";

interface CameraFormModalProps {
  /** null: closed; "new": register a camera; a camera: edit it. */
  target: Camera | "new" | null;
  /** Enterprise preselected for a new camera (the register's filter). */
  defaultEnterpriseId?: string;
  onClose: () => void;
  onSaved: (camera: Camera) => void;
}

const STREAM_URL = /^(rtsps?|https?):\/\/\S+$/i;

/** Registers or edits a camera. Editing loads the full stream URL (lists only show it masked). */
export function CameraFormModal({ target, defaultEnterpriseId, onClose, onSaved }: CameraFormModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<CameraInput>();
  const [loading, setLoading] = useState(false);
  const editing = target !== null && target !== "new" ? target : null;
  const required = { required: true, whitespace: true, message: t("form.required") };

  const { saving, error, setError, onFinish } = useFormSubmit(form, async (values: CameraInput) => {
    const body = {
      name: values.name.trim(),
      location: values.location.trim(),
      streamUrl: values.streamUrl.trim(),
    };
    const saved = editing
      ? await api<Camera>(`/api/v1/cameras/${encodeURIComponent(editing.id)}`, { method: "PATCH", body })
      : await api<Camera>("/api/v1/cameras", {
          method: "POST",
          body: { ...body, enterpriseId: values.enterpriseId },
        });
    onSaved(saved);
  });

  useEffect(() => {
    if (target === null) return;
    if (target === "new") {
      form.setFieldsValue({ enterpriseId: defaultEnterpriseId || undefined });
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    form.setFieldsValue({ name: target.name, location: target.location });
    api<Camera>(`/api/v1/cameras/${encodeURIComponent(target.id)}`, { signal: controller.signal })
      .then((full) => form.setFieldsValue({ streamUrl: full.streamUrl }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      })
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [target, defaultEnterpriseId, form, setError]);

  return (
    <Modal
      open={target !== null}
      title={editing ? t("video.camera.edit") : t("video.camera.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={saving}
      okButtonProps={{ ...testId("camera-form-submit"), disabled: loading }}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form<CameraInput> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        {editing ? null : (
          <Form.Item
            name="enterpriseId"
            label={t("video.camera.enterprise")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <EnterpriseSelect />
          </Form.Item>
        )}
        <Form.Item name="name" label={t("video.camera.name")} rules={[required]}>
          <Input
            maxLength={100}
            placeholder={t("video.camera.name.placeholder")}
            data-testid="camera-form-name"
          />
        </Form.Item>
        <Form.Item name="location" label={t("video.camera.location")} rules={[required]}>
          <Input
            maxLength={200}
            placeholder={t("video.camera.location.placeholder")}
            data-testid="camera-form-location"
          />
        </Form.Item>
        <Form.Item
          name="streamUrl"
          label={t("video.camera.streamUrl")}
          extra={t("video.camera.streamUrl.help")}
          rules={[
            required,
            {
              validator: (_, value: string | undefined) =>
                !value || STREAM_URL.test(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("video.camera.streamUrl.scheme"))),
            },
          ]}
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            disabled={loading}
            placeholder="rtsp://user:password@192.168.1.64:554/Streaming/Channels/101"
            data-testid="camera-form-streamUrl"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
