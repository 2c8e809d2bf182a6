import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Table, Tag } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import type { Application } from '../api/api-types';
import { fieldErrorsOf, problemText } from '../api/problem';
import { formatInstant, plainBasis } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { UploadField } from '../shared/upload-field';
import { MaterialActions } from './material-actions';
import { MATERIAL_TYPES, stateSecretStatement, uploadMaterial } from './material-upload.util';
import { useMaterials } from './use-application';

interface Values {
  title: string;
  file: UploadFile[];
  tradeSecret?: boolean;
}

/**
 * The application's materials: PDF, images and Office documents, each with its trade-secret flag (the recommender
 * never sees those), frozen once submitted (after a return, a replaced file is a new version), each downloadable; and the statement that they contain no state secret where the policy
 * asks for it.
 */
export function MaterialsCard({ tenantKey, application }: { tenantKey: string; application: Application }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const materials = useMaterials(tenantKey, application.id);
  const editable = ['draft', 'internal_publicity', 'returned'].includes(application.status);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: ['portal', tenantKey, 'application', application.id, 'materials'] });
  const upload = useMutation({
    mutationFn: async (values: Values) => {
      const file = values.file?.[0]?.originFileObj;
      if (!file) throw new Error(t({ zh: '请选择文件', en: 'Choose a file' }));
      return uploadMaterial(tenantKey, application.id, {
        title: values.title,
        tradeSecret: Boolean(values.tradeSecret),
        file,
      });
    },
    onSuccess: async () => {
      form.resetFields();
      message.success(t({ zh: '材料已上传', en: 'Material uploaded' }));
      await refresh();
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  const state = useMutation({
    mutationFn: () => stateSecretStatement(tenantKey, application.id),
    onSuccess: refresh,
    onError: (error) => message.error(problemText(error)),
  });
  const data = materials.data;
  const statement = data?.stateSecretStatement;
  return (
    <Card title={t({ zh: '申报材料', en: 'Materials' })} style={{ marginBottom: 24 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={materials.isLoading}
        dataSource={data?.materials ?? []}
        locale={{ emptyText: t({ zh: '尚未上传材料', en: 'No material yet' }) }}
        columns={[
          { title: t({ zh: '材料名称', en: 'Title' }), dataIndex: 'title' },
          {
            title: t({ zh: '文件', en: 'File' }),
            render: (_, m) => {
              const v = m.versions.find((x) => x.version === m.currentVersion) ?? m.versions[0];
              return v ? `${v.filename}（${Math.ceil(v.size / 1024)} KB，v${m.currentVersion}）` : '—';
            },
          },
          {
            title: t({ zh: '标记', en: 'Flags' }),
            render: (_, m) => (
              <>
                {m.tradeSecret && <Tag color="purple">{t({ zh: '商业秘密', en: 'Trade secret' })}</Tag>}
                {m.versions.some((v) => v.frozenAt) && <Tag>{t({ zh: '已随申报提交', en: 'Submitted' })}</Tag>}
              </>
            ),
          },
          {
            title: t({ zh: '操作', en: 'Actions' }),
            render: (_, m) => (
              <MaterialActions
                tenantKey={tenantKey}
                applicationId={application.id}
                material={m}
                editable={editable}
                onChanged={refresh}
              />
            ),
          },
        ]}
      />
      {editable && (
        <Form form={form} layout="inline" style={{ marginTop: 16, rowGap: 8 }} onFinish={(v) => upload.mutate(v)}>
          <Form.Item
            name="title"
            rules={[{ required: true, message: t({ zh: '请填写材料名称', en: 'Enter a title' }) }]}
          >
            <Input placeholder={t({ zh: '材料名称，如：自评报告', en: 'Title, e.g. self-assessment' })} />
          </Form.Item>
          <Form.Item name="file" rules={[{ required: true, message: t({ zh: '请选择文件', en: 'Choose a file' }) }]}>
            <UploadField
              max={1}
              accept={MATERIAL_TYPES}
              testId="material-file"
              hint={{ zh: 'PDF、图片或 Office 文档', en: 'PDF, image or Office document' }}
            />
          </Form.Item>
          <Form.Item name="tradeSecret" valuePropName="checked">
            <Checkbox>
              {t({ zh: '含商业秘密（推荐单位不可见）', en: 'Trade secret (hidden from the recommender)' })}
            </Checkbox>
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={upload.isPending}>
            {t({ zh: '上传', en: 'Upload' })}
          </Button>
        </Form>
      )}
      {data?.stateSecretStatementRequired &&
        (statement ? (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            title={t({
              zh: `已声明申报材料不涉及国家秘密（${statement.basis ? plainBasis(statement.basis) : ''}）· ${formatInstant(statement.at, 'zh')}`,
              en: `Stated that the materials contain no state secret (${statement.basis ? plainBasis(statement.basis) : ''}) · ${formatInstant(statement.at, 'en')}`,
            })}
          />
        ) : (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title={t({
              zh: '提交前须声明申报材料不涉及国家秘密',
              en: 'Before submitting, state that the materials contain no state secret',
            })}
            action={
              <Button size="small" loading={state.isPending} onClick={() => state.mutate()} disabled={!editable}>
                {t({ zh: '我声明不涉及国家秘密', en: 'I so state' })}
              </Button>
            }
          />
        ))}
    </Card>
  );
}
