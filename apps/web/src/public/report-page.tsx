import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Switch, Typography } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import type { ReportFiled } from '../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { formatInstant } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { toUpload } from '../shared/file-upload.util';
import { UploadField, uploadRule } from '../shared/upload-field';

interface Values {
  named: boolean;
  reporter?: { name?: string; phone?: string; idNumber?: string; address?: string; organisation?: string };
  concerning: string;
  details: string;
  evidence?: UploadFile[];
}

/** Report misconduct in the process (举报): by name or, where the regulation allows, anonymously; kept confidential. */
export function ReportPage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const named = Form.useWatch('named', form) ?? true;
  const [filed, setFiled] = useState<ReportFiled>();
  const report = useMutation({
    mutationFn: async (values: Values) => {
      const evidence = await Promise.all(
        (values.evidence ?? []).flatMap((f) => (f.originFileObj ? [toUpload(f.originFileObj)] : [])),
      );
      const r = values.reporter ?? {};
      return unwrap(
        await api.POST('/api/v1/public/{tenantKey}/reports', {
          params: { path: { tenantKey } },
          body: {
            reporter: values.named
              ? {
                  name: r.name ?? '',
                  phone: r.phone || undefined,
                  idNumber: r.idNumber || undefined,
                  address: r.address || undefined,
                  organisation: r.organisation || undefined,
                }
              : undefined,
            concerning: values.concerning,
            details: values.details,
            evidence,
          },
        }),
      );
    },
    onSuccess: setFiled,
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  if (filed) {
    return (
      <Result
        status="success"
        title={t({ zh: '举报已收到', en: 'Your report was received' })}
        subTitle={formatInstant(filed.receivedAt, t.language)}
        extra={
          <Link to={`/p/${tenantKey}/report/track`}>
            <Button type="primary">{t({ zh: '查询举报办理情况', en: 'Follow the report' })}</Button>
          </Link>
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t({ zh: '查询凭证只显示这一次，请立即妥善保存', en: 'The token is shown only once: keep it now' })}
        />
        <Descriptions column={1} bordered>
          <Descriptions.Item label={t({ zh: '举报编号', en: 'Report number' })}>{filed.reportNumber}</Descriptions.Item>
          <Descriptions.Item label={t({ zh: '查询凭证', en: 'Token' })}>
            <Typography.Text copyable code data-testid="report-token">
              {filed.token}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Result>
    );
  }
  return (
    <Card title={t({ zh: '举报', en: 'Report misconduct' })}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 24 }}
        title={t({
          zh: '举报人信息严格保密，仅受理机构经登记理由后方可查看。',
          en: 'The reporter’s identity is kept confidential; only the receiving body may read it, with a recorded reason.',
        })}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ named: true }}
        onFinish={(v) => report.mutate(v)}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="named" label={t({ zh: '实名举报', en: 'Report by name' })} valuePropName="checked">
          <Switch />
        </Form.Item>
        {named && (
          <>
            <Form.Item
              name={['reporter', 'name']}
              label={t({ zh: '姓名', en: 'Name' })}
              rules={[{ required: true, message: t({ zh: '请填写姓名', en: 'Name is required' }) }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={['reporter', 'phone']} label={t({ zh: '联系电话', en: 'Phone' })}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name={['reporter', 'organisation']} label={t({ zh: '工作单位', en: 'Organisation' })}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="concerning"
          label={t({ zh: '被举报对象或事项', en: 'Concerning' })}
          rules={[{ required: true, message: t({ zh: '请填写举报对象', en: 'Say whom or what it concerns' }) }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="details"
          label={t({ zh: '举报内容', en: 'Details' })}
          rules={[{ required: true, message: t({ zh: '请填写举报内容', en: 'Details are required' }) }]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="evidence" label={t({ zh: '证据材料', en: 'Evidence' })} rules={[uploadRule(t)]}>
          <UploadField max={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={report.isPending}>
          {t({ zh: '提交举报', en: 'Send the report' })}
        </Button>
      </Form>
    </Card>
  );
}
