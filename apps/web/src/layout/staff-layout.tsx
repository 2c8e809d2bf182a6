import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, type MenuProps, Space, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { sessionStore } from '../api/session-store';
import type { Bilingual } from '../i18n/language';
import { useT } from '../i18n/language-context';
import { useSession } from '../office/use-session';
import { LanguageSwitch } from '../shared/language-switch';
import { RehearsalBanner } from './rehearsal-banner';

type Translate = (text: Bilingual) => string;

/**
 * The frame of a jurisdiction's staff pages (the office console, the finance pages): the rehearsal banner, the
 * jurisdiction with the area's title, the user with sign-out, the area's menu and its page. Signed out, to the login.
 */
export function StaffLayout(props: {
  /** The area's path segment and query-key prefix: `/office/<tenant>`, `/finance/<tenant>`. */
  area: string;
  title: Bilingual;
  color: string;
  /** The menu entry selected at the area's root. */
  home: string;
  menu: (base: string, t: Translate) => MenuProps['items'];
}) {
  const { tenantKey = '' } = useParams();
  const session = useSession();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const tenant = useQuery({
    queryKey: [props.area, tenantKey, 'tenant'],
    enabled: Boolean(session),
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}', { params: { path: { tenantKey } } })),
  });
  if (!session) return <Navigate to="/office/login" replace />;
  const base = `/${props.area}/${tenantKey}`;
  const section = location.pathname.slice(base.length).split('/')[1] || props.home;
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
      <Layout>
        <Layout.Sider width={200} theme="light">
          <Menu mode="inline" selectedKeys={[section]} style={{ height: '100%' }} items={props.menu(base, t)} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
