import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';

/** The credit record as the public reads it: revoked awards the policy publishes, with the decision and articles. */
export function CreditRecordPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const record = useQuery({
    queryKey: ['public', tenantKey, 'credit-record'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/public/{tenantKey}/credit-record', { params: { path: { tenantKey } } })).entries,
  });
  return (
    <Card title={t({ zh: '撤销奖项公示（信用记录）', en: 'Revoked awards (credit record)' })}>
      <Typography.Paragraph type="secondary">
        {t({
          zh: '以下获奖者的奖项已依法撤销；列入信用系统的，已按规定推送。',
          en: 'These awards were revoked; those the policy sends to a credit system have been sent.',
        })}
      </Typography.Paragraph>
      <Table
        rowKey={(e) => `${e.decision}-${e.applicantName}`}
        size="middle"
        loading={record.isLoading}
        dataSource={record.data ?? []}
        columns={[
          { title: t({ zh: '名称', en: 'Name' }), dataIndex: 'applicantName' },
          { title: t({ zh: '统一社会信用代码', en: 'Credit code' }), render: (_, e) => e.creditCode ?? '—' },
          { title: t({ zh: '撤销决定', en: 'Decision' }), dataIndex: 'decision' },
          { title: t({ zh: '决定日期', en: 'Date' }), dataIndex: 'decidedOn' },
          { title: t({ zh: '依据', en: 'Basis' }), dataIndex: 'basis' },
          { title: t({ zh: '信用系统', en: 'Credit system' }), render: (_, e) => e.system ?? '—' },
        ]}
      />
    </Card>
  );
}
