import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { formatDeadline, formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { saveText } from '../shared/file-upload.util';
import { QueryState } from '../shared/query-state';
import { OBJECTION_STATUS } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { ObjectionConfirmation } from './objection-confirmation';

/** Follow an objection by its receipt number: status, the written receipt, the result letter, the confirmation. */
export function TrackPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const receiptNumber = search.get('receipt')?.trim().toUpperCase() ?? '';
  const track = useQuery({
    queryKey: ['public', tenantKey, 'track', receiptNumber],
    enabled: receiptNumber.length > 0,
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/public/{tenantKey}/objections/{receiptNumber}', {
          params: { path: { tenantKey, receiptNumber } },
        }),
      ),
  });
  const downloadReceipt = async () => {
    const response = await fetch(
      `/api/v1/public/${encodeURIComponent(tenantKey)}/objections/${encodeURIComponent(receiptNumber)}/receipt`,
    );
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    saveText(name ?? `${receiptNumber}-receipt.txt`, await response.text());
  };
  return (
    <Card title={t({ zh: '异议办理查询', en: 'Follow an objection' })}>
      <Input.Search
        placeholder="YY-XXXX-XXXX-XXXX-XXXX"
        defaultValue={receiptNumber}
        enterButton={t({ zh: '查询', en: 'Look up' })}
        size="large"
        style={{ maxWidth: 520, marginBottom: 24 }}
        onSearch={(value) => setSearch(value.trim() ? { receipt: value.trim() } : {})}
        data-testid="receipt-search"
      />
      {receiptNumber && (
        <QueryState loading={track.isLoading} error={track.error}>
          {() => {
            const o = track.data;
            if (!o) return null;
            return (
              <Space direction="vertical" size="large" style={{ width: '100%' }}>
                <Descriptions column={2} bordered size="small">
                  <Descriptions.Item label={t({ zh: '受理编号', en: 'Receipt number' })}>
                    {o.receiptNumber}
                  </Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '状态', en: 'Status' })}>
                    <StatusTag table={OBJECTION_STATUS} status={o.status} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '公示', en: 'Notice' })}>{o.noticeTitle}</Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '异议对象', en: 'Objection to' })}>
                    {o.subjectName}
                  </Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '提交时间', en: 'Received' })}>
                    {formatInstant(o.receivedAt, t.language)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t({ zh: '审查期限', en: 'Examined by' })}>
                    {o.examination ? formatDeadline(o.examination.lastDay, t.language) : '—'}
                  </Descriptions.Item>
                </Descriptions>
                {o.receiptIssued && (
                  <Button onClick={downloadReceipt} data-testid="download-receipt">
                    {t({ zh: '下载书面凭证', en: 'Download the written receipt' })}
                  </Button>
                )}
                {o.refusalReasons && (
                  <Alert
                    type="info"
                    showIcon
                    title={t({ zh: '不予受理理由', en: 'Reasons for refusal' })}
                    description={o.refusalReasons}
                  />
                )}
                {o.result && (
                  <Card
                    type="inner"
                    title={t({ zh: '异议处理结果告知书', en: 'Result letter' })}
                    extra={
                      <Button
                        size="small"
                        onClick={() => saveText(`${o.receiptNumber}-result.txt`, o.result?.letter ?? '')}
                      >
                        {t({ zh: '下载', en: 'Download' })}
                      </Button>
                    }
                  >
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="result-letter">
                      {o.result.letter}
                    </Typography.Paragraph>
                    {o.result.confirmation.requested &&
                      (o.result.confirmation.response ? (
                        <Alert
                          type="success"
                          showIcon
                          title={
                            o.result.confirmation.response === 'confirmed'
                              ? t({ zh: '您已确认处理结果', en: 'You confirmed the result' })
                              : t({ zh: '您对处理结果提出了不同意见', en: 'You disputed the result' })
                          }
                        />
                      ) : (
                        <ObjectionConfirmation tenantKey={tenantKey} receiptNumber={o.receiptNumber} />
                      ))}
                  </Card>
                )}
              </Space>
            );
          }}
        </QueryState>
      )}
    </Card>
  );
}
