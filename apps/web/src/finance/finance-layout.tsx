import {
  AccountBookOutlined,
  AuditOutlined,
  FileTextOutlined,
  RollbackOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { sessionStore } from '../api/session-store';
import { useT } from '../i18n/language-context';
import { RehearsalBanner } from '../layout/rehearsal-banner';
import { useSession } from '../office/use-session';
import { LanguageSwitch } from '../shared/language-switch';

/** The finance office's frame (role `finance`): budget years and the ledger, entitlements and their disbursement. */
export function FinanceLayout() {
  const { tenantKey = '' } = useParams();
  const session = useSession();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const tenant = useQuery({
    queryKey: ['finance', tenantKey, 'tenant'],
    enabled: Boolean(session),
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}', { params: { path: { tenantKey } } })),
  });
  if (!session) return <Navigate to="/office/login" replace />;
  const base = `/finance/${tenantKey}`;
  const section = location.pathname.slice(base.length).split('/')[1] || 'budget';
  const signOut = async () => {
    await api.POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
    sessionStore.end();
    navigate('/office/login');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <RehearsalBanner />
      <Layout.Header style={{ background: '#874d00', display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          {tenant.data ? t({ zh: tenant.data.nameZh, en: tenant.data.nameEn }) : tenantKey}
          <span style={{ fontWeight: 400, fontSize: 15, marginLeft: 12 }}>
            {t({ zh: '奖补资金管理', en: 'Award money' })}
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
              {
                key: 'budget',
                icon: <AccountBookOutlined />,
                label: <Link to={`${base}/budget`}>{t({ zh: '预算与账户', en: 'Budget and accounts' })}</Link>,
              },
              {
                key: 'entitlements',
                icon: <TrophyOutlined />,
                label: <Link to={`${base}/entitlements`}>{t({ zh: '奖补资金与拨付', en: 'Entitlements' })}</Link>,
              },
              {
                key: 'clawback-cases',
                icon: <RollbackOutlined />,
                label: <Link to={`${base}/clawback-cases`}>{t({ zh: '追缴案件', en: 'Clawback cases' })}</Link>,
              },
              {
                key: 'statements',
                icon: <FileTextOutlined />,
                label: <Link to={`${base}/statements`}>{t({ zh: '对账单', en: 'Statements' })}</Link>,
              },
              {
                key: 'trial-balance',
                icon: <AuditOutlined />,
                label: <Link to={`${base}/trial-balance`}>{t({ zh: '试算平衡表', en: 'Trial balance' })}</Link>,
              },
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
