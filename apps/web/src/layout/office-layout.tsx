import { AuditOutlined, FileSearchOutlined, NotificationOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { sessionStore } from '../api/session-store';
import { useT } from '../i18n/language-context';
import { consoleMenuAfter, consoleMenuBefore, reviewsMenu } from '../office/console/console-menu';
import { useSession } from '../office/use-session';
import { votesMenu } from '../office/votes/votes-menu';
import { winnersMenu } from '../office/winners/winners-menu';
import { LanguageSwitch } from '../shared/language-switch';
import { RehearsalBanner } from './rehearsal-banner';

/** The office console's frame: the jurisdiction, its work (applications, notices, objections), the user. */
export function OfficeLayout() {
  const { tenantKey = '' } = useParams();
  const session = useSession();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const tenant = useQuery({
    queryKey: ['office', tenantKey, 'tenant'],
    enabled: Boolean(session),
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}', { params: { path: { tenantKey } } })),
  });
  if (!session) return <Navigate to="/office/login" replace />;
  const base = `/office/${tenantKey}`;
  const section = location.pathname.slice(base.length).split('/')[1] || 'cycle';
  const signOut = async () => {
    await api.POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
    sessionStore.end();
    navigate('/office/login');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <RehearsalBanner />
      <Layout.Header style={{ background: '#a8071a', display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          {tenant.data ? t({ zh: tenant.data.nameZh, en: tenant.data.nameEn }) : tenantKey}
          <span style={{ fontWeight: 400, fontSize: 15, marginLeft: 12 }}>
            {t({ zh: '质量奖评审工作平台', en: 'Quality award office console' })}
          </span>
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
          <Menu
            mode="inline"
            selectedKeys={[section]}
            style={{ height: '100%' }}
            items={[
              ...consoleMenuBefore(base, t),
              {
                key: 'applications',
                icon: <FileSearchOutlined />,
                label: <Link to={`${base}/applications`}>{t({ zh: '申报工作台', en: 'Applications' })}</Link>,
              },
              {
                key: 'notices',
                icon: <NotificationOutlined />,
                label: <Link to={`${base}/notices`}>{t({ zh: '公示管理', en: 'Notices' })}</Link>,
              },
              {
                key: 'objections',
                icon: <AuditOutlined />,
                label: <Link to={`${base}/objections`}>{t({ zh: '异议处理', en: 'Objections' })}</Link>,
              },
              ...reviewsMenu(base, t),
              ...votesMenu(base, t),
              ...winnersMenu(base, t),
              ...consoleMenuAfter(base, t),
            ]}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
