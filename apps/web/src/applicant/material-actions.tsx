import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Upload } from 'antd';
import { problemText } from '../api/problem';
import { useT } from '../i18n/language-context';
import { downloadMaterial, MATERIAL_TYPES, removeMaterial, replaceMaterial } from './material-upload.util';

interface Material {
  id: string;
  title: string;
  currentVersion: number;
  versions: { version: number; filename: string; frozenAt?: string | null }[];
}

/**
 * What the applicant does with one of its materials: download its current version (audited by the service); while the
 * application may change (a draft, in internal publicity, returned for correction), replace its file — after a return
 * that is a new version, the submitted one kept — and remove it if it was never submitted.
 */
export function MaterialActions(props: {
  tenantKey: string;
  applicationId: string;
  material: Material;
  editable: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { tenantKey, applicationId, material } = props;
  const current = material.versions.find((v) => v.version === material.currentVersion) ?? material.versions[0];
  const submitted = material.versions.some((v) => v.frozenAt);
  const replace = useMutation({
    mutationFn: (file: File) => replaceMaterial(tenantKey, applicationId, material.id, file),
    onSuccess: async () => {
      message.success(t({ zh: '材料已替换', en: 'Material replaced' }));
      await props.onChanged();
    },
    onError: (error) => message.error(problemText(error)),
  });
  const remove = useMutation({
    mutationFn: () => removeMaterial(tenantKey, applicationId, material.id),
    onSuccess: async () => {
      message.success(t({ zh: '材料已删除', en: 'Material removed' }));
      await props.onChanged();
    },
    onError: (error) => message.error(problemText(error)),
  });
  const download = async () => {
    const filename = current?.filename ?? material.title;
    if (!(await downloadMaterial(tenantKey, applicationId, material.id, filename)))
      message.error(t({ zh: '无法下载该材料', en: 'Could not download the material' }));
  };
  return (
    <Space size="small" data-testid={`material-actions-${material.title}`}>
      <Button size="small" type="link" onClick={download}>
        {t({ zh: '下载', en: 'Download' })}
      </Button>
      {props.editable && (
        <Upload
          accept={MATERIAL_TYPES.join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            replace.mutate(file);
            return false;
          }}
        >
          <Button size="small" type="link" loading={replace.isPending}>
            {t({ zh: '替换文件', en: 'Replace file' })}
          </Button>
        </Upload>
      )}
      {props.editable && !submitted && (
        <Popconfirm
          title={t({ zh: `删除材料「${material.title}」？`, en: `Remove “${material.title}”?` })}
          okText={t({ zh: '删除', en: 'Remove' })}
          cancelText={t({ zh: '取消', en: 'Cancel' })}
          onConfirm={() => remove.mutateAsync()}
        >
          <Button size="small" type="link" danger loading={remove.isPending}>
            {t({ zh: '删除', en: 'Remove' })}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
