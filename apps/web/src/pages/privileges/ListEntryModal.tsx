import { Form, Input, Modal, Radio } from "antd";
import { api } from "../../api/client";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useI18n } from "../../i18n/I18nProvider";
import { testId } from "../../utils/testid";
import type { ListEntry, ListKind } from "./types";

/** What the modal starts from: an entry to change (with id), or the fields of a new one (maybe a suggestion). */
export type EntryDraft = Partial<
  Pick<ListEntry, "id" | "enterpriseId" | "enterpriseName" | "title" | "reason" | "period">
> & {
  list: ListKind;
};

interface EntryValues {
  list: ListKind;
  enterpriseId: string;
  title: string;
  reason: string;
  period: string;
}

/** Drafts a list entry or changes a draft; publishing is a separate, second person's step. */
export function ListEntryModal({
  draft,
  onClose,
  onSaved,
}: {
  draft: EntryDraft | null;
  onClose: () => void;
  onSaved: (entry: ListEntry, created: boolean) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EntryValues>();
  const editing = Boolean(draft?.id);
  const required = { required: true, whitespace: true, message: t("form.required") };

  const { saving, error, setError, onFinish } = useFormSubmit(form, async (v: EntryValues) => {
    const body = { list: v.list, title: v.title.trim(), reason: v.reason.trim(), period: v.period.trim() };
    const entry = draft?.id
      ? await api<ListEntry>(`/api/v1/public-lists/${encodeURIComponent(draft.id)}`, {
          method: "PATCH",
          body,
        })
      : await api<ListEntry>("/api/v1/public-lists", {
          method: "POST",
          body: { ...body, enterpriseId: v.enterpriseId },
        });
    onSaved(entry, !editing);
  });

  return (
    <Modal
      open={draft !== null}
      title={editing ? t("privileges.lists.editTitle") : t("privileges.lists.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? t("common.save") : t("privileges.lists.saveDraft")}
      okButtonProps={testId("public-list-save")}
      confirmLoading={saving}
      destroyOnHidden
      afterClose={() => setError(null)}
      width={640}
    >
      <ErrorAlert error={error} showFields={false} />
      <Form<EntryValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={draft ?? undefined}
      >
        <Form.Item
          name="list"
          label={t("privileges.lists.list")}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Radio.Group
            options={(["good", "bad"] as const).map((k) => ({
              value: k,
              label: t(`privileges.lists.kind.${k}`),
            }))}
            data-testid="public-list-form-list"
          />
        </Form.Item>
        {editing || draft?.enterpriseId ? (
          <>
            <Form.Item label={t("privileges.column.enterprise")}>{draft?.enterpriseName}</Form.Item>
            <Form.Item name="enterpriseId" hidden>
              <Input />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="enterpriseId"
            label={t("privileges.column.enterprise")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <EnterpriseSelect />
          </Form.Item>
        )}
        <Form.Item name="title" label={t("privileges.lists.entryTitle")} rules={[required]}>
          <Input maxLength={200} data-testid="public-list-form-title" />
        </Form.Item>
        <Form.Item name="reason" label={t("privileges.lists.reasonLabel")} rules={[required]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="public-list-form-reason" />
        </Form.Item>
        <Form.Item name="period" label={t("privileges.lists.period")} rules={[required]}>
          <Input
            maxLength={40}
            placeholder={t("privileges.lists.periodPlaceholder")}
            data-testid="public-list-form-period"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
