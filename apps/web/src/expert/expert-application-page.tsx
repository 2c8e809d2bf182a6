import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { sessionStore } from '../api/session-store';
import { useT } from '../i18n/language-context';
import { QueryState } from '../shared/query-state';

/**
 * The materials of an application the expert is assigned to review (trade secrets too: shown to the assigned panel
 * only). Every listing and download goes through the expert's route, which checks the assignment and is audited.
 */
export function ExpertApplicationPage() {
  const { tenantKey = '', applicationId = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const mine = useQuery({
    queryKey: ['expert', tenantKey, 'assignments'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/experts/me/assignments', { params: { path: { tenantKey } } }))
        .assignments,
  });
  const materials = useQuery({
    queryKey: ['expert', tenantKey, 'materials', applicationId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/experts/me/assignments/{applicationId}/materials', {
          params: { path: { tenantKey, applicationId } },
        }),
      ),
  });
  const assignment = mine.data?.find((a) => a.application.id === applicationId);
  const download = async (material: { id: string; title: string; versions: { filename: string }[] }) => {
    const response = await fetch(
      `/api/v1/tenants/${encodeURIComponent(tenantKey)}/experts/me/assignments/${applicationId}/materials/${material.id}`,
      { headers: { authorization: `Bearer ${await sessionStore.accessToken()}` } },
    );
    if (!response.ok) {
      message.error(t({ zh: '无法下载该材料', en: 'Could not download the material' }));
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: material.versions.at(-1)?.filename ?? material.title,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Card
      title={
        <Space>
          <Link to="..">{t({ zh: '我的评审任务', en: 'My assignments' })}</Link>/
          <span>{assignment?.application.applicantName ?? ''}</span>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t({
          zh: '申报材料仅供本评审组评审使用，每次查阅均记入审计；标注商业秘密的材料不得外传。',
          en: 'These materials are for the assigned panel only; every view is audited; trade secrets must not leave it.',
        })}
      />
      <QueryState loading={materials.isLoading} error={materials.error}>
        {() => (
          <List
            dataSource={materials.data?.materials ?? []}
            locale={{ emptyText: t({ zh: '暂无已提交的材料', en: 'No submitted material' }) }}
            renderItem={(material) => (
              <List.Item
                actions={[
                  <Button key="download" type="link" onClick={() => download(material)}>
                    {t({ zh: '查阅', en: 'Open' })}
                  </Button>,
                ]}
              >
                <Space>
                  <span>{material.title}</span>
                  {material.tradeSecret && <Tag color="red">{t({ zh: '商业秘密', en: 'Trade secret' })}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}
