import { Form, Input } from "antd";

interface FilterInputProps {
  /** The form field (and URL search parameter) it sets. */
  name?: string;
  placeholder: string;
  testId: string;
  width: number;
}

/** The free-text field of a list page's search form (by default the `q` parameter). */
export function FilterInput({ name = "q", placeholder, testId, width }: FilterInputProps) {
  return (
    <Form.Item name={name}>
      <Input allowClear style={{ width }} placeholder={placeholder} data-testid={testId} />
    </Form.Item>
  );
}

interface FilterDateProps {
  name: string;
  label: string;
  testId: string;
}

/** One day bound (from or to) of a list page's search form, as the browser's date input. */
export function FilterDate({ name, label, testId }: FilterDateProps) {
  return (
    <Form.Item name={name} label={label}>
      <Input type="date" style={{ width: 150 }} data-testid={testId} />
    </Form.Item>
  );
}
