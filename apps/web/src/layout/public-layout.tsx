import { Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { useT } from '../i18n/language-context';
import { useProgramme } from '../public/use-programme';
import { LanguageSwitch } from '../shared/language-switch';
import { RehearsalBanner } from './rehearsal-banner';

/** The public pages of one jurisdiction: its award's name, notices, follow an objection, report. */
export function PublicLayout() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const location = useLocation();
  const programme = useProgramme(tenantKey);
  const base = `/p/${tenantKey}`;
  const selected = location.pathname.startsWith(`${base}/track`)
    ? 'track'
    : location.pathname.startsWith(`${base}/report`)
      ? 'report'
      : location.pathname.startsWith(`${base}/credit-record`)
        ? 'credit-record'
        : 'home';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <RehearsalBanner />
      <Layout.Header style={{ background: '#a8071a', display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {programme.data ? t(programme.data.name) : t({ zh: '质量奖', en: 'Quality award' })}
          <span style={{ fontWeight: 400, fontSize: 15, marginLeft: 12 }}>
            {t({ zh: '公示与异议', en: 'Notices and objections' })}
          </span>
        </Typography.Title>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[selected]}
          style={{ flex: 1, background: 'transparent', minWidth: 0 }}
          items={[
            { key: 'home', label: <Link to={base}>{t({ zh: '奖项与公示', en: 'Award and notices' })}</Link> },
            {
              key: 'track',
              label: <Link to={`${base}/track`}>{t({ zh: '异议查询', en: 'Follow an objection' })}</Link>,
            },
            { key: 'report', label: <Link to={`${base}/report`}>{t({ zh: '举报', en: 'Report misconduct' })}</Link> },
            {
              key: 'credit-record',
              label: <Link to={`${base}/credit-record`}>{t({ zh: '撤销公示', en: 'Revoked awards' })}</Link>,
            },
          ]}
        />
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 48px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>
        <Space separator="·">
          <span>{t({ zh: '时间均为北京时间', en: 'All times are Beijing time' })}</span>
          <span>
            {t({
              zh: '期限按官方工作日历计算（含调休）',
              en: 'Deadlines follow the official working-day calendar',
            })}
          </span>
        </Space>
      </Layout.Footer>
    </Layout>
  );
}
