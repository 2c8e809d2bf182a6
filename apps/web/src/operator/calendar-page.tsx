import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { OUTCOME, serviceName } from './operator-labels';

/** What GET /calendar/years answers (the route documents no response schema yet). */
interface CalendarYears {
  calendar: string;
  loaded: { year: number; source: string; loadedBy: string | null; loadedAt: string }[];
  years: { year: number; provisional: boolean; origin: string; source: string | null }[];
}
interface LoadAnswer {
  year: number;
  warnings: string[];
  services: { service: string; status: string; moved: number }[];
  movedDeadlines: unknown[];
}
interface LoadForm {
  year: number;
  holidays: string;
  workdays: string;
  source: string;
}

/** `2027-01-01 元旦` one a line; a range `2027-02-10~2027-02-17 春节` is every day of it. */
function holidaysOf(text: string): { date: string; name: string }[] {
  const days: { date: string; name: string }[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [span = '', ...name] = line.split(/\s+/);
    const [from = '', to = from] = span.split('~');
    for (
      let day = new Date(`${from}T00:00:00Z`);
      day <= new Date(`${to}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      days.push({ date: day.toISOString().slice(0, 10), name: name.join(' ') });
    }
  }
  return days;
}

/** The years around the platform's year, and every year an operator loaded. */
function yearsShown(data: CalendarYears | undefined): CalendarYears['years'] {
  if (!data) return [];
  const more = data.loaded
    .filter((loaded) => !data.years.some((year) => year.year === loaded.year))
    .map((loaded) => ({ year: loaded.year, provisional: false, origin: 'loaded', source: loaded.source }));
  return [...data.years, ...more].sort((a, b) => a.year - b.year);
}

/** The official calendar: which years are official or provisional; loading the State Council's schedule for a year. */
export function CalendarPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const years = useQuery({
    queryKey: ['operator', 'calendar'],
    queryFn: async () => unwrap(await api.GET('/api/v1/calendar/years')) as unknown as CalendarYears,
  });
  const load = useMutation({
    mutationFn: async (values: LoadForm) =>
      unwrap(
        await api.PUT('/api/v1/calendar/years/{year}', {
          params: { path: { year: values.year } },
          body: {
            holidays: holidaysOf(values.holidays),
            workdays: values.workdays.split(/\s+/).filter(Boolean),
            source: values.source,
          },
        }),
      ) as unknown as LoadAnswer,
    onSuccess: (answer) => {
      message.success(t({ zh: `${answer.year} 年日历已载入`, en: `${answer.year} loaded` }));
      void queryClient.invalidateQueries({ queryKey: ['operator', 'calendar'] });
    },
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t({ zh: '工作日历', en: 'Official calendar' })}>
        <Table
          rowKey="year"
          pagination={false}
          loading={years.isLoading}
          dataSource={yearsShown(years.data)}
          columns={[
            { title: t({ zh: '年份', en: 'Year' }), dataIndex: 'year' },
            {
              title: t({ zh: '状态', en: 'Status' }),
              render: (_, year) =>
                year.provisional ? (
                  <Tag color="orange">{t({ zh: '暂定（仅周末休息）', en: 'provisional (weekends only)' })}</Tag>
                ) : (
                  <Tag color="green">{t({ zh: '官方安排', en: 'official' })}</Tag>
                ),
            },
            { title: t({ zh: '依据', en: 'Source' }), render: (_, year) => year.source ?? '—' },
            {
              title: t({ zh: '载入', en: 'Loaded' }),
              render: (_, year) => {
                const loaded = years.data?.loaded.find((l) => l.year === year.year);
                return loaded ? formatInstant(loaded.loadedAt, t.language) : t({ zh: '内置数据', en: 'built in' });
              },
            },
          ]}
        />
      </Card>
      <Card title={t({ zh: '载入国务院办公厅放假安排', en: 'Load the State Council’s holiday schedule' })}>
        <Form<LoadForm> layout="vertical" onFinish={(values) => load.mutate(values)} style={{ maxWidth: 720 }}>
          <Form.Item name="year" label={t({ zh: '年份', en: 'Year' })} rules={[{ required: true }]}>
            <InputNumber min={2020} max={2100} />
          </Form.Item>
          <Form.Item
            name="holidays"
            label={t({
              zh: '节假日（每行一项：日期或日期~日期，空格，名称）',
              en: 'Holidays (one a line: a date or date~date, a space, the name)',
            })}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={6} placeholder={'2027-01-01 元旦\n2027-02-06~2027-02-14 春节'} />
          </Form.Item>
          <Form.Item
            name="workdays"
            label={t({ zh: '调休上班日（空格或换行分隔）', en: 'Shifted working days (separated by spaces or lines)' })}
            initialValue=""
          >
            <Input.TextArea rows={2} placeholder="2027-02-20" />
          </Form.Item>
          <Form.Item
            name="source"
            label={t({ zh: '来源（文号）', en: 'Source (document number)' })}
            rules={[{ required: true }]}
          >
            <Input placeholder="国办发明电〔2026〕X号" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={load.isPending}>
            {t({ zh: '载入并通知各服务', en: 'Load and apply in every service' })}
          </Button>
        </Form>
        {load.error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={problemText(load.error)} />}
        {load.data && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 16 }}
            title={t({
              zh: `已载入 ${load.data.year} 年；重新计算的期限 ${load.data.movedDeadlines.length} 项`,
              en: `${load.data.year} loaded; ${load.data.movedDeadlines.length} deadlines recomputed`,
            })}
            description={[
              ...load.data.services.map(
                (s) =>
                  `${serviceName(s.service, t)}：${t(OUTCOME[s.status] ?? { zh: s.status, en: s.status })}（${s.moved}）`,
              ),
              ...load.data.warnings,
            ].join('；')}
          />
        )}
      </Card>
    </Space>
  );
}
