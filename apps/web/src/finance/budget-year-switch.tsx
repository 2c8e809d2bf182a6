import { Segmented } from 'antd';

/** Picks a budget year among those with an appropriation. */
export function BudgetYearSwitch(props: { year?: number; choices: number[]; onChange: (year: number) => void }) {
  if (props.choices.length === 0) return null;
  return (
    <Segmented
      value={props.year}
      onChange={(value) => props.onChange(Number(value))}
      options={props.choices.map((y) => ({ value: y, label: `${y}` }))}
    />
  );
}
