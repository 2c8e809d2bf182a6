import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Select } from 'antd';
import { api } from '../api/api-client';
import type { Application } from '../api/api-types';
import { fieldErrorsOf, problemText, unwrap } from '../api/problem';
import { useT } from '../i18n/language-context';

/**
 * Submits to a recommender (推荐单位), or straight to the award office where the policy has no recommendation step:
 * after internal publicity has ended, while eligible (the service refuses with the article otherwise); a returned
 * application is submitted again.
 */
export function SubmitCard({ tenantKey, application }: { tenantKey: string; application: Application }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ recommenderId?: string }>();
  const toRecommender = application.plan.some((step) => step.kind === 'recommendation');
  const recommenders = useQuery({
    enabled: toRecommender,
    queryKey: ['portal', tenantKey, 'recommenders'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/recommenders', { params: { path: { tenantKey } } })),
  });
  const submit = useMutation({
    mutationFn: async (values: { recommenderId?: string }) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/applications/{id}/submit', {
          params: { path: { tenantKey, id: application.id } },
          body: values,
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['portal', tenantKey, 'application', application.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['portal', tenantKey, 'application', application.id] });
      message.success(
        toRecommender
          ? t({ zh: '已提交推荐单位', en: 'Submitted to the recommender' })
          : t({ zh: '已报送质量奖办公室', en: 'Submitted to the award office' }),
      );
    },
    onError: (error) => {
      form.setFields(fieldErrorsOf(error));
      message.error(problemText(error));
    },
  });
  if (!['internal_publicity', 'returned', 'draft'].includes(application.status)) return null;
  return (
    <Card
      title={
        toRecommender
          ? t({ zh: '提交推荐单位', en: 'Submit to a recommender' })
          : t({ zh: '报送质量奖办公室', en: 'Submit to the award office' })
      }
      style={{ marginBottom: 24 }}
    >
      <Form
        form={form}
        layout="inline"
        initialValues={application.recommender ? { recommenderId: application.recommender.id } : {}}
        onFinish={(values) => submit.mutate(values)}
      >
        {toRecommender && (
          <Form.Item
            name="recommenderId"
            rules={[{ required: true, message: t({ zh: '请选择推荐单位', en: 'Choose a recommender' }) }]}
          >
            <Select
              style={{ width: 320 }}
              placeholder={t({ zh: '选择推荐单位', en: 'Choose a recommender' })}
              loading={recommenders.isLoading}
              options={(recommenders.data?.recommenders ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {t({ zh: '提交', en: 'Submit' })}
        </Button>
      </Form>
    </Card>
  );
}
