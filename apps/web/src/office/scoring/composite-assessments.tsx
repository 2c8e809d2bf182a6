import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api-client';
import type { Composite } from '../../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';

type Outcome = 'recommended' | 'not_recommended';

interface Values {
  outcome: Outcome;
  opinion: string;
  reason: string;
}

interface Row {
  applicationId: string;
  applicantName: string;
  assessment: Composite['assessments'][number] | null;
}

/**
 * The composite evaluation where the policy scores nothing (ili 第十六条, xinzhou-district 第十三条): each application
 * that went on from the last review stage, with the office's recorded conclusion, opinion and reason, or the button
 * to record it. The text gives no criteria and no order: the office decides and says why; nothing is computed.
 */
export function CompositeAssessments({
  tenantKey,
  cycle,
  composite,
  onSaved,
}: {
  tenantKey: string;
  cycle: number;
  composite: Composite;
  onSaved: (saved: Composite) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Row | null>(null);
  const record = useMutation({
    mutationFn: async ({ applicationId, values }: { applicationId: string; values: Values }) =>
      unwrap(
        await api.PUT('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/composite/assessments/{applicationId}', {
          params: { path: { tenantKey, cycle, applicationId } },
          body: values,
        }),
      ),
    onSuccess: (saved) => {
      onSaved(saved);
      setEditing(null);
      message.success(t({ zh: '综合意见已记录', en: 'Assessment recorded' }));
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  const rows: Row[] = [
    ...composite.assessments.map((assessment) => ({
      applicationId: assessment.applicationId,
      applicantName: assessment.applicantName,
      assessment,
    })),
    ...composite.incomplete.map((row) => ({
      applicationId: row.applicationId,
      applicantName: row.applicantName,
      assessment: null,
    })),
  ];
  const initial = editing?.assessment
    ? { outcome: editing.assessment.outcome, opinion: editing.assessment.opinion, reason: editing.assessment.reason }
    : {};
  return (
    <>
      <Table<Row>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t({ zh: '尚无进入综合评审的申报', en: 'No application in the composite yet' }) }}
        columns={[
          { title: t({ zh: '申报者', en: 'Applicant' }), dataIndex: 'applicantName' },
          {
            title: t({ zh: '结论', en: 'Conclusion' }),
            render: (_, row) =>
              row.assessment === null ? (
                <Tag>{t({ zh: '未记录', en: 'not recorded' })}</Tag>
              ) : row.assessment.outcome === 'recommended' ? (
                <Tag color="green">{t({ zh: '推荐', en: 'recommended' })}</Tag>
              ) : (
                <Tag color="red">{t({ zh: '不推荐', en: 'not recommended' })}</Tag>
              ),
          },
          { title: t({ zh: '综合意见', en: 'Opinion' }), render: (_, row) => row.assessment?.opinion },
          { title: t({ zh: '理由', en: 'Reason' }), render: (_, row) => row.assessment?.reason },
          {
            title: t({ zh: '记录', en: 'Recorded' }),
            render: (_, row) =>
              row.assessment ? `${row.assessment.decidedBy ?? ''} ${row.assessment.decidedAt.slice(0, 10)}` : null,
          },
          {
            title: '',
            render: (_, row) => (
              <Button size="small" onClick={() => setEditing(row)}>
                {row.assessment ? t({ zh: '改记', en: 'Record again' }) : t({ zh: '记录', en: 'Record' })}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={`${t({ zh: '综合意见', en: 'Composite assessment' })}：${editing?.applicantName ?? ''}（${composite.basis}）`}
        okText={t({ zh: '记录', en: 'Record' })}
        confirmLoading={record.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(values) => editing && record.mutate({ applicationId: editing.applicationId, values })}
        >
          <Form.Item
            name="outcome"
            label={t({ zh: '结论', en: 'Conclusion' })}
            rules={[{ required: true, message: t({ zh: '请选择', en: 'Choose one' }) }]}
          >
            <Radio.Group
              options={[
                { value: 'recommended', label: t({ zh: '推荐', en: 'Recommend' }) },
                { value: 'not_recommended', label: t({ zh: '不推荐', en: 'Do not recommend' }) },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="opinion"
            label={t({ zh: '综合意见（根据各环节评审结果）', en: 'Opinion (on the review results)' })}
            rules={[{ required: true, whitespace: true, message: t({ zh: '请填写', en: 'Required' }) }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t({ zh: '理由', en: 'Reason' })}
            rules={[{ required: true, whitespace: true, message: t({ zh: '请说明理由', en: 'Say why' }) }]}
          >
            <Input maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
