import { Alert, Button, Descriptions, Result, Typography } from 'antd';
import { Link } from 'react-router';
import type { ObjectionFiled as Filed } from '../api/api-types';
import { formatDeadline, formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';

/** The receipt number and the token, shown once: the objector follows the case and answers the result with them. */
export function ObjectionFiled({ tenantKey, filed }: { tenantKey: string; filed: Filed }) {
  const t = useT();
  return (
    <Result
      status="success"
      title={t({ zh: '异议已提交', en: 'Your objection has been filed' })}
      subTitle={formatInstant(filed.receivedAt, t.language)}
      extra={
        <Link to={`/p/${tenantKey}/track?receipt=${encodeURIComponent(filed.receiptNumber)}`}>
          <Button type="primary">{t({ zh: '查询办理进度', en: 'Follow the objection' })}</Button>
        </Link>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t({
          zh: '请立即记录并妥善保管以下受理编号和查询凭证',
          en: 'Write down and keep the number and token below now',
        })}
        description={t({
          zh: '查询凭证只显示这一次，系统不保存明文，遗失后无法找回。答复异议处理结果时需要使用。',
          en: 'The token is shown only this once and is not stored; it cannot be recovered. You need it to answer the result.',
        })}
      />
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t({ zh: '受理编号', en: 'Receipt number' })}>
          <Typography.Text copyable strong data-testid="receipt-number">
            {filed.receiptNumber}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '查询凭证', en: 'Token' })}>
          <Typography.Text copyable code data-testid="receipt-token">
            {filed.token}
          </Typography.Text>
        </Descriptions.Item>
        {filed.examination && (
          <Descriptions.Item label={t({ zh: '审查期限', en: 'Examined by' })}>
            {formatDeadline(filed.examination.lastDay, t.language)}（{filed.examination.basis}）
            {filed.examination.provisional && t({ zh: '（日历暂定，以官方公布为准）', en: ' (provisional calendar)' })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t({ zh: '已上传材料', en: 'Files received' })}>
          {filed.files.map((f) => f.filename).join('、') || '—'}
        </Descriptions.Item>
      </Descriptions>
    </Result>
  );
}
