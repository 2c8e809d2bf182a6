import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Radio, Select } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { api } from '../api/api-client';
import type { ObjectionFileBody, ObjectionFiled, PublicNotice } from '../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';
import { type FileUpload, toUpload } from '../shared/file-upload.util';
import { isCreditCode, isResidentIdNumber } from '../shared/identity-numbers.util';
import { UploadField, uploadRule } from '../shared/upload-field';
import { FORM_FIELD } from './identity-fields';

type Kind = 'person' | 'organisation' | 'anonymous';
interface Values {
  entryId: string;
  kind: Kind;
  objector: {
    name?: string;
    phone?: string;
    address?: string;
    idNumber?: string;
    creditCode?: string;
    identityProof?: UploadFile[];
    signature?: UploadFile[];
    officialSeal?: UploadFile[];
  };
  grounds: string;
  evidence?: UploadFile[];
}

const IMAGES = ['image/png', 'image/jpeg'] as const;
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const firstFile = async (files?: UploadFile[]): Promise<FileUpload | undefined> => {
  const file = files?.[0]?.originFileObj;
  return file ? toUpload(file) : undefined;
};

/**
 * The objection form, following the tenant's identity rules (the notice's `howToObject.identity`): a person gives name,
 * phone, address, ID number and proof of identity; an organisation its name, credit code, address, phone and seal.
 * The service checks everything again and answers each field's reason, shown under its input.
 */
export function ObjectionForm(props: {
  tenantKey: string;
  notice: PublicNotice;
  entryId?: string;
  onFiled: (filed: ObjectionFiled) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const identity = props.notice.howToObject.identity;
  const kind = Form.useWatch('kind', form) ?? 'person';
  const required = (field: string) => {
    const asked = kind === 'person' ? identity?.person : kind === 'organisation' ? identity?.organisation : [];
    return (asked ?? []).some((key) => FORM_FIELD[key] === field);
  };
  const need = (field: string, label: string, verb = { zh: '请填写', en: 'Give' }) =>
    required(field)
      ? [{ required: true, message: t({ zh: `${verb.zh}${label}`, en: `${verb.en} the ${label}` }) }]
      : [];
  const upload = { zh: '请上传', en: 'Upload' };

  const file = useMutation({
    mutationFn: async (values: Values) => {
      const o = values.objector;
      const objector: ObjectionFileBody['objector'] =
        values.kind === 'anonymous'
          ? undefined
          : {
              kind: values.kind,
              name: o.name || undefined,
              phone: o.phone || undefined,
              address: o.address || undefined,
              idNumber: values.kind === 'person' ? o.idNumber || undefined : undefined,
              creditCode: values.kind === 'organisation' ? o.creditCode || undefined : undefined,
              identityProof: values.kind === 'person' ? await firstFile(o.identityProof) : undefined,
              signature: values.kind === 'person' ? await firstFile(o.signature) : undefined,
              officialSeal: values.kind === 'organisation' ? await firstFile(o.officialSeal) : undefined,
            };
      const evidence = await Promise.all(
        (values.evidence ?? []).flatMap((f) => (f.originFileObj ? [toUpload(f.originFileObj)] : [])),
      );
      const body: ObjectionFileBody = { entryId: values.entryId, objector, grounds: values.grounds, evidence };
      return unwrap(
        await api.POST('/api/v1/public/{tenantKey}/notices/{id}/objections', {
          params: { path: { tenantKey: props.tenantKey, id: props.notice.id } },
          body,
        }),
      );
    },
    onSuccess: props.onFiled,
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });

  const label = {
    name: kind === 'organisation' ? t({ zh: '单位名称', en: 'Organisation name' }) : t({ zh: '姓名', en: 'Name' }),
    phone: t({ zh: '联系电话', en: 'Phone' }),
    address: t({ zh: '联系地址', en: 'Address' }),
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'person', entryId: props.entryId ?? props.notice.entries[0]?.id }}
      onFinish={(values) => file.mutate(values)}
      scrollToFirstError
      data-testid="objection-form"
    >
      <Form.Item name="entryId" label={t({ zh: '异议对象', en: 'Objection to' })} rules={[{ required: true }]}>
        <Select
          options={props.notice.entries.map((entry) => ({
            value: entry.id,
            label: `${entry.subjectName}（${entry.proposal}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t({ zh: '异议人', en: 'Objector' })}>
        <Radio.Group>
          <Radio value="person">{t({ zh: '个人', en: 'A person' })}</Radio>
          <Radio value="organisation">{t({ zh: '单位', en: 'An organisation' })}</Radio>
          {!identity && <Radio value="anonymous">{t({ zh: '不具名', en: 'Anonymous' })}</Radio>}
        </Radio.Group>
      </Form.Item>
      {kind !== 'anonymous' && (
        <>
          <Form.Item
            name={['objector', 'name']}
            label={label.name}
            rules={
              kind === 'organisation'
                ? [{ required: true, message: t({ zh: '请填写单位名称', en: 'Organisation name is required' }) }]
                : need('name', label.name)
            }
          >
            <Input maxLength={200} />
          </Form.Item>
          {kind === 'person' ? (
            <Form.Item
              name={['objector', 'idNumber']}
              label={t({ zh: '公民身份号码', en: 'Resident ID number' })}
              rules={[
                ...need('idNumber', t({ zh: '公民身份号码', en: 'ID number' })),
                {
                  validator: async (_: unknown, value?: string) => {
                    if (value && !isResidentIdNumber(value))
                      throw new Error(
                        t({ zh: '公民身份号码有误（应为 18 位且校验位正确）', en: 'Not a valid resident ID number' }),
                      );
                  },
                },
              ]}
            >
              <Input maxLength={18} />
            </Form.Item>
          ) : (
            <Form.Item
              name={['objector', 'creditCode']}
              label={t({ zh: '统一社会信用代码', en: 'Unified social credit code' })}
              rules={[
                ...need('creditCode', t({ zh: '统一社会信用代码', en: 'credit code' })),
                {
                  validator: async (_: unknown, value?: string) => {
                    if (value && !isCreditCode(value))
                      throw new Error(
                        t({ zh: '统一社会信用代码有误（应为 18 位且校验位正确）', en: 'Not a valid credit code' }),
                      );
                  },
                },
              ]}
            >
              <Input maxLength={18} />
            </Form.Item>
          )}
          <Form.Item
            name={['objector', 'phone']}
            label={label.phone}
            rules={[
              ...need('phone', label.phone),
              {
                pattern: PHONE,
                message: t({ zh: '请输入正确的手机号码或固定电话', en: 'Enter a mobile or landline number' }),
              },
            ]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name={['objector', 'address']} label={label.address} rules={need('address', label.address)}>
            <Input maxLength={300} />
          </Form.Item>
          {kind === 'person' && (
            <>
              <Form.Item
                name={['objector', 'identityProof']}
                label={t({ zh: '身份证明（身份证扫描件等）', en: 'Proof of identity (e.g. ID card scan)' })}
                rules={[
                  ...need('identityProof', t({ zh: '身份证明', en: 'proof of identity' }), upload),
                  uploadRule(t, IMAGES),
                ]}
              >
                <UploadField max={1} accept={IMAGES} testId="identity-proof" />
              </Form.Item>
              <Form.Item
                name={['objector', 'signature']}
                label={t({ zh: '本人签名（图片）', en: 'Signature (image)' })}
                rules={[...need('signature', t({ zh: '本人签名', en: 'signature' }), upload), uploadRule(t, IMAGES)]}
              >
                <UploadField max={1} accept={IMAGES} testId="signature" />
              </Form.Item>
            </>
          )}
          {kind === 'organisation' && (
            <Form.Item
              name={['objector', 'officialSeal']}
              label={t({ zh: '加盖单位公章的页面（图片）', en: 'Page bearing the official seal (image)' })}
              rules={[
                ...need('officialSeal', t({ zh: '单位公章', en: 'official seal' }), upload),
                uploadRule(t, IMAGES),
              ]}
            >
              <UploadField max={1} accept={IMAGES} testId="official-seal" />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item
        name="grounds"
        label={t({ zh: '异议事实与理由', en: 'Grounds' })}
        rules={[
          { required: true, message: t({ zh: '请填写异议事实与理由', en: 'Grounds are required' }) },
          { min: 10, message: t({ zh: '异议理由不少于 10 个字', en: 'At least 10 characters' }) },
        ]}
      >
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={t({ zh: '证据材料（最多 3 个）', en: 'Evidence (up to 3 files)' })}
        rules={[
          ...(props.notice.howToObject.evidenceRequired
            ? [{ required: true, message: t({ zh: '请上传证据材料', en: 'Upload the evidence' }) }]
            : []),
          uploadRule(t),
        ]}
      >
        <UploadField max={3} testId="evidence" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={file.isPending} size="large">
        {t({ zh: '提交异议', en: 'File the objection' })}
      </Button>
    </Form>
  );
}
