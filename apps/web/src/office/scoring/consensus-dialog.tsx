import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { api } from '../../api/api-client';
import type { StageResult } from '../../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../../api/problem';
import { useT } from '../../i18n/language-context';

type Sheet = StageResult['sheets'][number];
interface Values {
  outcome: 'keep' | 'adjust' | 'exclude';
  adjustedTotal?: number;
  reason: string;
}

/** The office records the panel's consensus on a flagged sheet: keep, adjust to a total, or exclude; with a reason. */
export function ConsensusDialog(props: {
  tenantKey: string;
  cycle: number;
  stageKey: string;
  sheet: Sheet | null;
  max: number;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const record = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/scoring/cycles/{cycle}/stages/{stageKey}/consensus', {
          params: { path: { tenantKey: props.tenantKey, cycle: props.cycle, stageKey: props.stageKey } },
          body: { sheetId: props.sheet?.sheetId ?? '', ...values },
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(['office', props.tenantKey, 'stage-result', props.cycle, props.stageKey], result);
      void queryClient.invalidateQueries({ queryKey: ['office', props.tenantKey, 'composite'] });
      message.success(t({ zh: '合议结果已记录', en: 'Consensus recorded' }));
      form.resetFields();
      props.onClose();
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  return (
    <Modal
      open={props.sheet !== null}
      title={t({ zh: '记录合议结果', en: 'Record the consensus' })}
      okText={t({ zh: '记录', en: 'Record' })}
      cancelText={t({ zh: '取消', en: 'Cancel' })}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {props.sheet && (
        <p>
          {`${props.sheet.applicantName} / ${props.sheet.expertName}：${t({ zh: '原始总分', en: 'raw total' })} ${props.sheet.raw}，${t({ zh: '其余专家中位数', en: 'rest of the panel’s median' })} ${props.sheet.flag?.restMedian}，z = ${props.sheet.flag?.robustZ}`}
        </p>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'keep' }}
        onFinish={(values) => record.mutate(values)}
      >
        <Form.Item name="outcome" label={t({ zh: '合议结论', en: 'Outcome' })}>
          <Radio.Group>
            <Radio.Button value="keep">{t({ zh: '保留', en: 'Keep' })}</Radio.Button>
            <Radio.Button value="adjust">{t({ zh: '调整', en: 'Adjust' })}</Radio.Button>
            <Radio.Button value="exclude">{t({ zh: '剔除', en: 'Exclude' })}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {outcome === 'adjust' && (
          <Form.Item
            name="adjustedTotal"
            label={t({ zh: '调整后总分', en: 'Agreed total' })}
            rules={[{ required: true, message: t({ zh: '请填写调整后总分', en: 'Give the agreed total' }) }]}
          >
            <InputNumber min={0} max={props.max} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t({ zh: '理由', en: 'Reason' })}
          rules={[{ required: true, message: t({ zh: '请说明理由', en: 'Say why' }) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
