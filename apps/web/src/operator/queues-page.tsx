import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Typography } from 'antd';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';

/**
 * The BullMQ queues on Bull Board, mounted in the gateway. The board is a page of its own that cannot send the bearer
 * header, so the operator's token first buys a ten-minute pass (an HttpOnly cookie for the board's path only).
 */
export function QueuesPage() {
  const t = useT();
  const pass = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/operations/queues/pass')),
    onSuccess: (answer) => window.open(answer.url, 'laurel-queue-board'),
  });
  return (
    <Card title={t({ zh: '任务队列（Bull Board）', en: 'Queues (Bull Board)' })}>
      <Typography.Paragraph>
        {t({
          zh: '各服务的期限任务队列：等待、延迟、失败、重试。看板在新窗口打开，凭十分钟有效的运维通行凭证访问。',
          en: 'Every service’s deadline queues: waiting, delayed, failed, retry. The board opens in a new window with a ten-minute operator pass.',
        })}
      </Typography.Paragraph>
      <Button type="primary" onClick={() => pass.mutate()} loading={pass.isPending} data-testid="open-board">
        {t({ zh: '打开任务队列看板', en: 'Open the queue board' })}
      </Button>
      {pass.data && (
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <a href={pass.data.url} target="laurel-queue-board">
            {pass.data.url}
          </a>{' '}
          {t({ zh: '（凭证有效至', en: '(pass valid until ' })}
          {formatInstant(pass.data.expiresAt, t.language)}
          {t({ zh: '）', en: ')' })}
        </Typography.Paragraph>
      )}
      {pass.error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={problemText(pass.error)} />}
    </Card>
  );
}
