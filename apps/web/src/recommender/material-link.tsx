import { App, Button } from 'antd';
import { downloadMaterial } from '../applicant/material-upload.util';
import { useT } from '../i18n/language-context';

interface Material {
  id: string;
  title: string;
  currentVersion: number;
  versions: { version: number; filename: string }[];
}

/** Downloads a material with the account's token (every download is audited by the service) and saves it. */
export function MaterialLink(props: { tenantKey: string; applicationId: string; material: Material }) {
  const t = useT();
  const { message } = App.useApp();
  const { material } = props;
  const filename =
    material.versions.find((v) => v.version === material.currentVersion)?.filename ?? `${material.title}`;
  const download = async () => {
    if (!(await downloadMaterial(props.tenantKey, props.applicationId, material.id, filename)))
      message.error(t({ zh: '无法下载该材料', en: 'Could not download the material' }));
  };
  return (
    <Button type="link" style={{ padding: 0 }} onClick={download}>
      {material.title}（{filename}）
    </Button>
  );
}
