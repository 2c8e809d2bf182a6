import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Layout, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/api-client';
import { unwrap } from '../api/problem';
import { sessionStore } from '../api/session-store';
import { useT } from '../i18n/language-context';
import { RehearsalBanner } from '../layout/rehearsal-banner';
import { isOperatorToken } from '../operator/operator-claims';
import { homeFor } from '../shared/home-for-roles.util';
import { LanguageSwitch } from '../shared/language-switch';

/**
 * The sign-in of staff, recommenders, applicants and operators: then each to its own pages in its (first) jurisdiction,
 * an operator to the operator's dashboard.
 */
export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const signIn = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const tokens = unwrap(await api.POST('/api/v1/auth/login', { body: values }));
      sessionStore.start(values.username, tokens);
      // A platform operator works on the operator's dashboard, not in one jurisdiction's console.
      if (isOperatorToken(tokens.accessToken)) {
        navigate('/operator', { replace: true });
        return;
      }
      const { tenants } = unwrap(await api.GET('/api/v1/tenants'));
      navigate(homeFor(tenants[0], tokens.accessToken), { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Layout style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #a8071a 0 220px, #f5f5f5 220px)' }}>
      <RehearsalBanner />
      <div style={{ position: 'absolute', right: 24, top: 16 }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={2} style={{ color: '#fff', textAlign: 'center', marginTop: 72 }}>
        {t({ zh: '质量奖评审工作平台', en: 'Quality award office console' })}
      </Typography.Title>
      <Card style={{ width: 400, margin: '24px auto' }} title={t({ zh: '用户登录', en: 'Sign in' })}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={signIn}>
          <Form.Item
            name="username"
            label={t({ zh: '用户名', en: 'Username' })}
            rules={[{ required: true, message: t({ zh: '请输入用户名', en: 'Enter your username' }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t({ zh: '密码', en: 'Password' })}
            rules={[{ required: true, message: t({ zh: '请输入密码', en: 'Enter your password' }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t({ zh: '登录', en: 'Sign in' })}
          </Button>
        </Form>
      </Card>
    </Layout>
  );
}
