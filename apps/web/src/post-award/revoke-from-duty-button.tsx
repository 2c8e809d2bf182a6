import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/api-client';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';

interface Values {
  description: string;
}

/**
 * The office opens a revocation case from an overdue duty whose policy lists refusing duties as a ground
 * (xinzhou-city 第二十八条): the duty is the case's first evidence, the ground and its date come from it; the office
 * writes why the missed date is a refusal. The case page then records the approving body's act or a dismissal.
 */
export function RevokeFromDutyButton(props: {
  tenantKey: string;
  duty: { id: string; name: string; refusalBasis: string };
}) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<Values>();
  const open = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/duties/{dutyId}/revocation', {
          params: { path: { tenantKey: props.tenantKey, dutyId: props.duty.id } },
          body: { description: values.description, evidence: [] },
        }),
      ),
    onSuccess: (created) => {
      queries.invalidateQueries({ queryKey: ['office', props.tenantKey, 'revocations'] });
      setOpening(false);
      navigate(`/office/${props.tenantKey}/revocations/${created.id}`);
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  return (
    <>
      <Button size="small" danger onClick={() => setOpening(true)}>
        {t({ zh: '提起撤销', en: 'Open revocation' })}
      </Button>
      <Modal
        open={opening}
        title={t({ zh: `就“${props.duty.name}”提起撤销`, en: `Open a revocation from “${props.duty.name}”` })}
        okText={t({ zh: '立案', en: 'Open the case' })}
        confirmLoading={open.isPending}
        onCancel={() => setOpening(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <p>
          {t({
            zh: `撤销事由：拒绝履行责任义务（${props.duty.refusalBasis}）。该义务作为第一项证据记入案件。`,
            en: `Ground: refusing duties (${props.duty.refusalBasis}). The duty is the case's first evidence.`,
          })}
        </p>
        <Form form={form} layout="vertical" onFinish={(values) => open.mutate(values)}>
          <Form.Item
            name="description"
            label={t({ zh: '事实与理由', en: 'Facts and reasons' })}
            rules={[{ required: true, message: t({ zh: '请填写', en: 'Required' }) }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
