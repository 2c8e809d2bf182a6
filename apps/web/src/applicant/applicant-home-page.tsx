import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Table } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/api-client';
import { problemText, unwrap } from '../api/problem';
import { formatDate } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { HolderTitlesCard } from '../post-award/holder-titles-card';
import { QueryState } from '../shared/query-state';
import { applicationStatusTable } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';
import { RegisterApplicantForm } from './register-applicant-form';

/**
 * The applicant's first page: its applicant (registered here when it has none), its applications, and the cycle open
 * for applications to start one in.
 */
export function ApplicantHomePage() {
  const { tenantKey = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const path = { params: { path: { tenantKey } } };
  const applicants = useQuery({
    queryKey: ['portal', tenantKey, 'applicants'],
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}/applicants', path)),
  });
  const applications = useQuery({
    queryKey: ['portal', tenantKey, 'applications'],
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}/applications', path)),
  });
  const cycles = useQuery({
    queryKey: ['portal', tenantKey, 'cycles'],
    queryFn: async () => unwrap(await api.GET('/api/v1/tenants/{tenantKey}/cycles', path)),
  });
  const start = useMutation({
    mutationFn: async (cycleNumber: number) =>
      unwrap(await api.POST('/api/v1/tenants/{tenantKey}/applications', { ...path, body: { cycleNumber } })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['portal', tenantKey, 'applications'] });
      navigate(`/applicant/${tenantKey}/applications/${created.id}`);
    },
    onError: (error) => message.error(problemText(error)),
  });
  const error = applicants.error ?? applications.error;
  return (
    <QueryState loading={applicants.isLoading || applications.isLoading} error={error}>
      {() => {
        const own = applicants.data?.applicants[0];
        if (!own) return <RegisterApplicantForm tenantKey={tenantKey} />;
        const list = applications.data?.applications ?? [];
        const open = cycles.data?.cycles.find((c) => c.status === 'open');
        const started = open && list.some((a) => a.cycle.number === open.number);
        return (
          <>
            <Card
              title={t({ zh: '申报主体', en: 'Applicant' })}
              style={{ marginBottom: 24 }}
              extra={
                <Link to={`/applicant/${tenantKey}/award-money`}>
                  {t({ zh: '奖补资金与使用报告', en: 'Award money and its use' })}
                </Link>
              }
            >
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t({ zh: '名称', en: 'Name' })}>{own.name}</Descriptions.Item>
                <Descriptions.Item
                  label={
                    own.kind === 'organisation'
                      ? t({ zh: '统一社会信用代码', en: 'Credit code' })
                      : t({ zh: '公民身份号码', en: 'ID number' })
                  }
                >
                  {own.creditCode ?? own.idNumber ?? '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            {open && !started && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 24 }}
                title={t({
                  zh: `第${open.number}届（${open.year}年）正在受理申报：${formatDate(open.opensOn, 'zh')}至${formatDate(open.closesOn, 'zh')}`,
                  en: `Cycle ${open.number} (${open.year}) takes applications from ${formatDate(open.opensOn, 'en')} to ${formatDate(open.closesOn, 'en')}`,
                })}
                action={
                  <Button type="primary" loading={start.isPending} onClick={() => start.mutate(open.number)}>
                    {t({ zh: '开始申报', en: 'Start an application' })}
                  </Button>
                }
              />
            )}
            <Card title={t({ zh: '我的申报', en: 'My applications' })}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={list}
                locale={{ emptyText: t({ zh: '尚无申报', en: 'No application yet' }) }}
                columns={[
                  {
                    title: t({ zh: '届', en: 'Cycle' }),
                    render: (_, a) => (
                      <Link to={`/applicant/${tenantKey}/applications/${a.id}`}>
                        {t({
                          zh: `第${a.cycle.number}届（${a.cycle.year}）`,
                          en: `Cycle ${a.cycle.number} (${a.cycle.year})`,
                        })}
                      </Link>
                    ),
                  },
                  {
                    title: t({ zh: '状态', en: 'Status' }),
                    render: (_, a) => <StatusTag table={applicationStatusTable(a)} status={a.status} />,
                  },
                  { title: t({ zh: '推荐单位', en: 'Recommender' }), render: (_, a) => a.recommender?.name ?? '—' },
                ]}
              />
            </Card>
            <HolderTitlesCard tenantKey={tenantKey} applicantId={own.id} />
          </>
        );
      }}
    </QueryState>
  );
}
