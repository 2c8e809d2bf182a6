import { App, Button } from 'antd';
import { sessionStore } from '../api/session-store';
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
    const response = await fetch(
      `/api/v1/tenants/${encodeURIComponent(props.tenantKey)}/applications/${props.applicationId}/materials/${material.id}`,
      { headers: { authorization: `Bearer ${await sessionStore.accessToken()}` } },
    );
    if (!response.ok) {
      message.error(t({ zh: '无法下载该材料', en: 'Could not download the material' }));
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Button type="link" style={{ padding: 0 }} onClick={download}>
      {material.title}（{filename}）
    </Button>
  );
}
