import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../api/api-client';
import type { BodyOf } from '../api/api-types';
import { ProblemError, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';

type CreateBody = BodyOf<'/api/v1/tenants', 'post'>;

/**
 * A new jurisdiction from its policy document (the regulation as JSON, e.g. packages/policy's launch policies): the
 * gateway checks the document and answers every problem with its field (`body.policy.<path>`), shown here one a line.
 */
export function TenantCreateDrawer(props: { open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ divisionCode: string; key?: string }>();
  const [policy, setPolicy] = useState<{ name: string; document: unknown }>();
  const [readError, setReadError] = useState<string>();
  const create = useMutation({
    mutationFn: async (values: { divisionCode: string; key?: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants', {
          body: {
            divisionCode: values.divisionCode,
            key: values.key || undefined,
            policy: policy?.document,
          } as CreateBody,
        }),
      ),
    onSuccess: (tenant) => {
      message.success(t({ zh: `已创建辖区：${tenant.nameZh}`, en: `Created: ${tenant.nameEn}` }));
      void queryClient.invalidateQueries({ queryKey: ['operator', 'tenants'] });
      form.resetFields();
      setPolicy(undefined);
      props.onClose();
    },
  });
  const problems = create.error instanceof ProblemError ? (create.error.problem.errors ?? []) : [];
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={560}
      title={t({ zh: '新建辖区（上传政策文件）', en: 'New jurisdiction (upload its policy document)' })}
    >
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item label={t({ zh: '政策文件（JSON）', en: 'Policy document (JSON)' })} required>
          <Upload
            accept=".json,application/json"
            maxCount={1}
            showUploadList={false}
            beforeUpload={async (file) => {
              setReadError(undefined);
              try {
                setPolicy({ name: file.name, document: JSON.parse(await file.text()) });
              } catch {
                setPolicy(undefined);
                setReadError(t({ zh: `${file.name} 不是有效的 JSON`, en: `${file.name} is not valid JSON` }));
              }
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="policy-upload">
              {t({ zh: '选择文件', en: 'Choose a file' })}
            </Button>
          </Upload>
          {policy && <Typography.Text style={{ marginLeft: 12 }}>{policy.name}</Typography.Text>}
          {readError && <Alert type="error" title={readError} style={{ marginTop: 8 }} />}
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t({ zh: '行政区划代码（GB/T 2260，6 位）', en: 'Administrative division code (GB/T 2260, 6 digits)' })}
          rules={[
            {
              required: true,
              pattern: /^[1-9]\d{5}$/,
              message: t({ zh: '请输入 6 位行政区划代码', en: 'Enter a 6-digit code' }),
            },
          ]}
        >
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item
          name="key"
          label={t({ zh: '标识（可不填，默认取政策文件的 key）', en: 'Key (optional: the policy’s key by default)' })}
        >
          <Input />
        </Form.Item>
        {create.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={create.error.message}
            description={
              problems.length > 0 && (
                <List
                  size="small"
                  data-testid="policy-problems"
                  dataSource={problems}
                  renderItem={(problem) => (
                    <List.Item>
                      <Typography.Text code>{problem.field}</Typography.Text> {problem.reason}
                    </List.Item>
                  )}
                />
              )
            }
          />
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending} disabled={!policy}>
          {t({ zh: '创建', en: 'Create' })}
        </Button>
      </Form>
    </Drawer>
  );
}
