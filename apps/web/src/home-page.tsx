import { Button, Card, Input, Layout, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useT } from './i18n/language-context';
import { RehearsalBanner } from './layout/rehearsal-banner';
import { LanguageSwitch } from './shared/language-switch';

/** The front door: a jurisdiction's public pages by its key, or the office's sign-in. */
export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <RehearsalBanner />
      <Layout.Header style={{ background: '#a8071a', display: 'flex', alignItems: 'center' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          {t({ zh: '质量奖公示与评审平台', en: 'Quality award notices and office console' })}
        </Typography.Title>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 48, maxWidth: 720, margin: '0 auto', width: '100%' }}>
        <Card
          title={t({ zh: '查看公示、提出异议或举报', en: 'Read notices, object or report' })}
          style={{ marginBottom: 24 }}
        >
          <Input.Search
            placeholder={t({ zh: '辖区代码，如 ili', en: 'Jurisdiction key, e.g. ili' })}
            enterButton={t({ zh: '进入', en: 'Open' })}
            onSearch={(key) => key.trim() && navigate(`/p/${encodeURIComponent(key.trim())}`)}
          />
        </Card>
        <Card title={t({ zh: '工作人员', en: 'Staff' })}>
          <Space>
            <Link to="/office/login">
              <Button type="primary">{t({ zh: '登录评审工作平台', en: 'Sign in to the office console' })}</Button>
            </Link>
            <a href="/api/docs">{t({ zh: '接口文档', en: 'API documentation' })}</a>
          </Space>
        </Card>
      </Layout.Content>
    </Layout>
  );
}
