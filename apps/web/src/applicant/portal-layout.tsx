import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Space, Typography } from 'antd';
import { Navigate, Outlet, useNavigate, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { sessionStore } from '../api/session-store';
import type { Bilingual } from '../i18n/language';
import { useT } from '../i18n/language-context';
import { RehearsalBanner } from '../layout/rehearsal-banner';
import { useSession } from '../office/use-session';
import { LanguageSwitch } from '../shared/language-switch';

/** The frame of the applicant's and the recommender's portals: the jurisdiction, the portal's name, the user. */
export function PortalLayout(props: { title: Bilingual; color: string }) {
  const { tenantKey = '' } = useParams();
  const session = useSession();
  const t = useT();
  const navigate = useNavigate();
  const tenant = useQuery({
    queryKey: ['portal', tenantKey, 'tenant'],
    enabled: Boolean(session),
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}', { params: { path: { tenantKey } } })),
  });
  if (!session) return <Navigate to="/office/login" replace />;
  const signOut = async () => {
    await api.POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
    sessionStore.end();
    navigate('/office/login');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <RehearsalBanner />
      <Layout.Header style={{ background: props.color, display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          {tenant.data ? t({ zh: tenant.data.nameZh, en: tenant.data.nameEn }) : tenantKey}
          <span style={{ fontWeight: 400, fontSize: 15, marginLeft: 12 }}>{t(props.title)}</span>
        </Typography.Title>
        <Space>
          <LanguageSwitch />
          <span style={{ color: '#fff' }}>{session.username}</span>
          <Button size="small" onClick={signOut}>
            {t({ zh: '退出', en: 'Sign out' })}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
