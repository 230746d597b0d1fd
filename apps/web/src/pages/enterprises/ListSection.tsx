import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Divider, Form, Row } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/I18nProvider";

interface ListSectionProps {
  name: string;
  title: string;
  addLabel: string;
  /** Form.Items of one entry; `field` is the list index to prefix names with */
  renderItem: (field: number) => ReactNode;
  newItem: object;
}

/** A titled Form.List of small cards (certifications, honours, brands, contacts) with add/remove. */
export function ListSection({ name, title, addLabel, renderItem, newItem }: ListSectionProps) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start">{title}</Divider>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                extra={
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t("common.delete")}
                    data-testid={`${name}-remove`}
                  />
                }
                title={`#${field.name + 1}`}
              >
                <Row gutter={12}>{renderItem(field.name)}</Row>
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add(newItem)}
              data-testid={`${name}-add`}
            >
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** Half-width column for the grids inside list cards and the main form. */
export function Half({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12}>
      {children}
    </Col>
  );
}
