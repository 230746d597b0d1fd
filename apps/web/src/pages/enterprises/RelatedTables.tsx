import { Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useReference } from "../../api/reference";
import type { Brand, Certification, Contact, Honour } from "../../api/types";
import { StatusTag } from "../../components/StatusTag";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, text } from "../../utils/format";
import { rowTestId } from "../../utils/testid";
import { certStatus } from "./certStatus";

function SimpleTable<T extends object>({
  rows,
  columns,
  testId,
}: {
  rows: T[];
  columns: ColumnsType<T>;
  testId: string;
}) {
  return (
    <Table<T>
      size="middle"
      rowKey={(r) => JSON.stringify(r)}
      dataSource={rows}
      columns={columns}
      pagination={false}
      onRow={rowTestId(testId)}
      scroll={{ x: true }}
    />
  );
}

export function CertificationsTable({ rows }: { rows: Certification[] }) {
  const { t } = useI18n();
  const certTypes = useReference("certification-types");
  return (
    <SimpleTable<Certification>
      rows={rows}
      testId="certification-row"
      columns={[
        { title: t("cert.type"), dataIndex: "type", render: (type: string) => certTypes.labelOf(type) },
        { title: t("cert.number"), dataIndex: "number", render: text },
        { title: t("cert.issuer"), dataIndex: "issuer", render: text },
        { title: t("cert.validFrom"), dataIndex: "validFrom", render: formatDate },
        { title: t("cert.validTo"), dataIndex: "validTo", render: formatDate },
        {
          title: t("cert.status"),
          key: "status",
          render: (_, c) => <StatusTag status={certStatus(c.validTo)} />,
        },
      ]}
    />
  );
}

export function HonoursTable({ rows }: { rows: Honour[] }) {
  const { t } = useI18n();
  const honourTypes = useReference("honour-types");
  return (
    <SimpleTable<Honour>
      rows={rows}
      testId="honour-row"
      columns={[
        { title: t("honour.title"), dataIndex: "title" },
        {
          title: t("honour.type"),
          dataIndex: "type",
          render: (type: string | null | undefined) => text(honourTypes.labelOf(type)),
        },
        { title: t("honour.level"), dataIndex: "level", render: text },
        { title: t("honour.issuer"), dataIndex: "issuer", render: text },
        { title: t("honour.recognisedOn"), dataIndex: "recognisedOn", render: formatDate },
        { title: t("honour.documentNumber"), dataIndex: "documentNumber", render: text },
      ]}
    />
  );
}

export function BrandsTable({ rows }: { rows: Brand[] }) {
  const { t } = useI18n();
  return (
    <SimpleTable<Brand>
      rows={rows}
      testId="brand-row"
      columns={[
        { title: t("brand.name"), dataIndex: "name" },
        {
          title: t("brand.kind"),
          dataIndex: "kind",
          render: (kind: Brand["kind"]) => t(`brand.kind.${kind}`),
        },
        { title: t("brand.registeredOn"), dataIndex: "registeredOn", render: formatDate },
      ]}
    />
  );
}

export function ContactsTable({ rows }: { rows: Contact[] }) {
  const { t } = useI18n();
  return (
    <SimpleTable<Contact>
      rows={rows}
      testId="contact-row"
      columns={[
        { title: t("contact.name"), dataIndex: "name" },
        { title: t("contact.role"), dataIndex: "role", render: text },
        { title: t("contact.phone"), dataIndex: "phone", render: text },
        {
          title: t("contact.email"),
          dataIndex: "email",
          render: (email: string | null) => (email ? <a href={`mailto:${email}`}>{email}</a> : text(null)),
        },
      ]}
    />
  );
}
