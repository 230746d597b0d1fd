import { SearchOutlined } from "@ant-design/icons";
import { Button, Card, Form, Space } from "antd";
import { type ReactNode, useEffect } from "react";
import { useI18n } from "../i18n/I18nProvider";

interface SearchFormProps<V extends object> {
  /** current values (derived from the URL); the form follows them on back/forward */
  values: V;
  onSearch: (values: V) => void;
  onReset: () => void;
  children: ReactNode;
}

/** The search/filter bar above a list table (inline form + 查询/重置). */
export function SearchForm<V extends object>({ values, onSearch, onReset, children }: SearchFormProps<V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, values]);
  return (
    <Card className="search-card">
      <Form<V> form={form} layout="inline" onFinish={onSearch} className="search-form">
        {children}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="search-button">
              {t("common.search")}
            </Button>
            <Button onClick={onReset} data-testid="search-reset">
              {t("common.reset")}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
