import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Timeline } from 'antd';
import { useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { REPORT_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';

/** Follow a report with its token (sent in the body, never in the address). */
export function ReportTrackPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const track = useMutation({
    mutationFn: async (token: string) =>
      unwrap(
        await api.POST('/api/v1/public/{tenantKey}/reports/track', {
          params: { path: { tenantKey } },
          body: { token },
        }),
      ),
  });
  const r = track.data;
  return (
    <Card title={t({ zh: '举报办理查询', en: 'Follow a report' })}>
      <Form
        layout="inline"
        onFinish={(v: { token: string }) => track.mutate(v.token.trim())}
        style={{ marginBottom: 24 }}
      >
        <Form.Item
          name="token"
          rules={[{ required: true, message: t({ zh: '请输入查询凭证', en: 'Enter the token' }) }]}
        >
          <Input.Password placeholder={t({ zh: '查询凭证', en: 'Token' })} style={{ width: 360 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={track.isPending}>
          {t({ zh: '查询', en: 'Look up' })}
        </Button>
      </Form>
      {track.error && <div style={{ color: '#a8071a' }}>{track.error.message}</div>}
      {r && (
        <>
          <Descriptions column={2} bordered size="small" style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t({ zh: '举报编号', en: 'Report number' })}>{r.reportNumber}</Descriptions.Item>
            <Descriptions.Item label={t({ zh: '状态', en: 'Status' })}>
              <StatusTag table={REPORT_STATUS} status={r.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t({ zh: '收到时间', en: 'Received' })}>
              {formatInstant(r.receivedAt, t.language)}
            </Descriptions.Item>
          </Descriptions>
          <Timeline
            items={r.replies.map((reply) => ({
              children: (
                <>
                  <div>{formatInstant(reply.at, t.language)}</div>
                  <div>{reply.message}</div>
                </>
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}
