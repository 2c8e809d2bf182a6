import {
  ApiOutlined,
  BankOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  InboxOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Typography } from 'antd';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/api-client';
import { sessionStore } from '../api/session-store';
import { useT } from '../i18n/language-context';
import { RehearsalBanner } from '../layout/rehearsal-banner';
import { useSession } from '../office/use-session';
import { LanguageSwitch } from '../shared/language-switch';
import { isOperatorToken } from './operator-claims';

/** The operator's dashboard frame: the platform's health, tenants, calendar, clock, queues, events, dead letters. */
export function OperatorLayout() {
  const session = useSession();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  if (!session) return <Navigate to="/office/login" replace />;
  const section = location.pathname.split('/')[2] || 'health';
  const signOut = async () => {
    await api.POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
    sessionStore.end();
    navigate('/office/login');
  };
  const items = [
    { key: 'health', icon: <DashboardOutlined />, zh: '服务健康', en: 'Health' },
    { key: 'tenants', icon: <BankOutlined />, zh: '辖区与用户', en: 'Jurisdictions' },
    { key: 'calendar', icon: <CalendarOutlined />, zh: '工作日历', en: 'Calendar' },
    { key: 'clock', icon: <ClockCircleOutlined />, zh: '演练时钟', en: 'Rehearsal clock' },
    { key: 'queues', icon: <InboxOutlined />, zh: '任务队列', en: 'Queues' },
    { key: 'events', icon: <ApiOutlined />, zh: '事件管道', en: 'Event pipeline' },
    { key: 'dead-letters', icon: <WarningOutlined />, zh: '死信', en: 'Dead letters' },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <RehearsalBanner />
      <Layout.Header style={{ background: '#10239e', display: 'flex', alignItems: 'center', gap: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          {t({ zh: '质量奖平台运维控制台', en: 'Quality award platform: operator dashboard' })}
        </Typography.Title>
        <Space>
          <LanguageSwitch />
          <span style={{ color: '#fff' }}>{session.username}</span>
          <Button size="small" onClick={signOut}>
            {t({ zh: '退出', en: 'Sign out' })}
          </Button>
        </Space>
      </Layout.Header>
      {isOperatorToken(session.accessToken) ? (
        <Layout>
          <Layout.Sider width={200} theme="light">
            <Menu
              mode="inline"
              selectedKeys={[section]}
              style={{ height: '100%' }}
              items={items.map((item) => ({
                key: item.key,
                icon: item.icon,
                label: <Link to={`/operator/${item.key}`}>{t(item)}</Link>,
              }))}
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 24 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      ) : (
        <Result
          status="403"
          data-testid="operator-refused"
          title={t({ zh: '仅限平台运维人员', en: 'For platform operators only' })}
          subTitle={t({
            zh: '您的账号不是运维账号，不能使用运维控制台。',
            en: 'Your account is not an operator’s: the operator dashboard is not open to it.',
          })}
        />
      )}
    </Layout>
  );
}
