import { Input, InputNumber, Table, Tag, Typography } from 'antd';
import type { RubricView, ScoreItemBody } from '../api/api-types';
import { useT } from '../i18n/language-context';

export type ItemValues = Record<string, ScoreItemBody>;

type Row = { key: string; clause: string; name: { zh: string; en: string }; points: number; category?: string };

/**
 * The rubric's items as one table: per item its clause, name and points, the score (0..points in the rubric's step),
 * strengths and opportunities for improvement; read-only once submitted. Each category opens with a row of its points.
 */
export function RubricItemsTable(props: {
  rubric: RubricView;
  values: ItemValues;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (itemKey: string, value: Partial<ScoreItemBody>) => void;
}) {
  const t = useT();
  const rows: Row[] = props.rubric.categories.flatMap((category) => [
    {
      key: `category:${category.key}`,
      clause: category.clause,
      name: category.name,
      points: category.points,
      category: category.key,
    },
    ...category.items.map((item) => ({ key: item.key, clause: item.clause, name: item.name, points: item.points })),
  ]);
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      rowClassName={(row) => (row.category ? 'rubric-category' : '')}
      columns={[
        {
          title: t({ zh: '条款', en: 'Clause' }),
          width: 70,
          render: (_, row) => (row.category ? <strong>{row.clause}</strong> : row.clause),
        },
        {
          title: t({ zh: '评分项目', en: 'Item' }),
          render: (_, row) => (row.category ? <strong>{t(row.name)}</strong> : t(row.name)),
        },
        {
          title: t({ zh: '分值', en: 'Points' }),
          width: 70,
          render: (_, row) => (row.category ? <Tag color="blue">{row.points}</Tag> : row.points),
        },
        {
          title: t({ zh: '得分', en: 'Score' }),
          width: 130,
          render: (_, row) =>
            row.category ? null : (
              <div>
                <InputNumber
                  aria-label={`score-${row.key}`}
                  data-testid={`score-${row.key}`}
                  min={0}
                  max={row.points}
                  step={props.rubric.step}
                  disabled={props.readOnly}
                  status={props.errors[row.key] ? 'error' : undefined}
                  value={props.values[row.key]?.score ?? null}
                  onChange={(value) => props.onChange(row.key, { score: value === null ? undefined : Number(value) })}
                />
                {props.errors[row.key] && (
                  <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                    {props.errors[row.key]}
                  </Typography.Text>
                )}
              </div>
            ),
        },
        {
          title: t({ zh: '优势', en: 'Strengths' }),
          render: (_, row) =>
            row.category ? null : (
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={4000}
                disabled={props.readOnly}
                value={props.values[row.key]?.strengths ?? ''}
                onChange={(event) => props.onChange(row.key, { strengths: event.target.value })}
              />
            ),
        },
        {
          title: t({ zh: '改进机会', en: 'Opportunities for improvement' }),
          render: (_, row) =>
            row.category ? null : (
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={4000}
                disabled={props.readOnly}
                value={props.values[row.key]?.improvements ?? ''}
                onChange={(event) => props.onChange(row.key, { improvements: event.target.value })}
              />
            ),
        },
      ]}
    />
  );
}
