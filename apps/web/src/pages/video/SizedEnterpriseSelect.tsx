import { EnterpriseSelect } from "../../components/EnterpriseSelect";

interface SizedEnterpriseSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  width?: number;
}

/**
 * EnterpriseSelect at a fixed width, as a direct Form.Item child (the form passes value and onChange through).
 * A column flexbox stretches the select to the box, since the component takes no style of its own.
 */
export function SizedEnterpriseSelect({ value, onChange, width = 300 }: SizedEnterpriseSelectProps) {
  return (
    <div style={{ width, display: "flex", flexDirection: "column" }}>
      <EnterpriseSelect value={value} onChange={onChange} />
    </div>
  );
}
