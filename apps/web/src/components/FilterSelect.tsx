import { Form, Select } from "antd";

interface FilterSelectProps {
  /** The form field (and URL search parameter) it sets. */
  name: string;
  placeholder: string;
  options: { value: string; label: string }[] | undefined;
  testId: string;
  /** Type to filter the options: for long code lists. */
  searchable?: boolean;
}

/** One clearable select of a list page's search form, all of the same width. */
export function FilterSelect({ name, placeholder, options, testId, searchable = false }: FilterSelectProps) {
  return (
    <Form.Item name={name}>
      <Select
        allowClear
        showSearch={searchable ? { optionFilterProp: "label" } : undefined}
        style={{ width: 168 }}
        placeholder={placeholder}
        options={options}
        data-testid={testId}
      />
    </Form.Item>
  );
}
