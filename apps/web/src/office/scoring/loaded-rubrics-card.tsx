import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api-client';
import { ProblemError, problemText, unwrap } from '../../api/problem';
import { formatInstant } from '../../format/shanghai-time';
import type { paths } from '../../generated/schema';
import { useT } from '../../i18n/language-context';

type LoadBody =
  paths['/api/v1/tenants/{tenantKey}/scoring/loaded-rubrics']['post']['requestBody']['content']['application/json'];

/**
 * Rubrics the office loads from a standard's text where the platform encodes none (xinzhou-city 第十三条: DB14/T 1463
 * for organisations, 1464 for individuals): a JSON document with the categories, items, points, the declared total and
 * the source; checked by the service (every problem named by its field), stored as the next version with who and when.
 * A scored stage does not open before its rubric is loaded.
 */
export function LoadedRubricsCard({ tenantKey }: { tenantKey: string }) {
  const t = useT();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [problems, setProblems] = useState<{ field: string; reason: string }[]>([]);
  const key = ['office', tenantKey, 'loaded-rubrics'];
  const loaded = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenants/{tenantKey}/scoring/loaded-rubrics', { params: { path: { tenantKey } } }))
        .rubrics,
  });
  const load = useMutation({
    mutationFn: async (body: LoadBody) =>
      unwrap(
        await api.POST('/api/v1/tenants/{tenantKey}/scoring/loaded-rubrics', {
          params: { path: { tenantKey } },
          body,
        }),
      ),
    onSuccess: (rubric) => {
      setProblems([]);
      queries.invalidateQueries({ queryKey: key });
      message.success(
        t({
          zh: `已载入 ${rubric.standard} 第 ${rubric.version} 版`,
          en: `Loaded ${rubric.standard} v${rubric.version}`,
        }),
      );
    },
    onError: (error) => {
      setProblems(
        error instanceof ProblemError
          ? (error.problem.errors ?? []).map((e) => ({ field: e.field ?? '', reason: e.reason ?? '' }))
          : [],
      );
      message.error(problemText(error));
    },
  });
  const upload = async (file: File) => {
    try {
      load.mutate(JSON.parse(await file.text()) as LoadBody);
    } catch {
      setProblems([{ field: file.name, reason: t({ zh: '不是有效的 JSON 文件', en: 'not a JSON file' }) }]);
    }
    return false;
  };
  return (
    <Card size="small" title={t({ zh: '载入的评分标准', en: 'Loaded rubrics' })} data-testid="loaded-rubrics-card">
      <Typography.Paragraph type="secondary">
        {t({
          zh: '平台未内置的评分标准（如 DB14/T 1463、1464），由办公室依标准原文载入：类目、评分项、分值、总分及出处。系统校验各项合计，保存为新版本并记录载入人和时间；评分标准未载入的评分环节不能开启。',
          en: 'Standards the platform does not encode (e.g. DB14/T 1463, 1464) are loaded by the office from their text: categories, items, points, the total and the source. Checked, stored as the next version with who and when; a scored stage does not open before its rubric is loaded.',
        })}
      </Typography.Paragraph>
      <Table
        rowKey={(row) => `${row.key}@${row.version}`}
        size="small"
        pagination={false}
        loading={loaded.isLoading}
        dataSource={loaded.data ?? []}
        locale={{ emptyText: t({ zh: '尚未载入', en: 'None loaded' }) }}
        columns={[
          { title: t({ zh: '标准', en: 'Standard' }), dataIndex: 'standard' },
          { title: t({ zh: '版本', en: 'Version' }), dataIndex: 'version' },
          { title: t({ zh: '名称', en: 'Title' }), render: (_, row) => t(row.title) },
          { title: t({ zh: '总分', en: 'Total' }), dataIndex: 'total' },
          { title: t({ zh: '评分项', en: 'Items' }), dataIndex: 'items' },
          {
            title: t({ zh: '出处', en: 'Source' }),
            render: (_, row) => `${row.source.document}；${row.source.citation}`,
          },
          {
            title: t({ zh: '载入', en: 'Loaded' }),
            render: (_, row) => `${row.loadedBy ?? ''} ${formatInstant(row.loadedAt, t.language)}`,
          },
        ]}
      />
      <Upload accept=".json,application/json" showUploadList={false} beforeUpload={upload}>
        <Button style={{ marginTop: 12 }} loading={load.isPending}>
          {t({ zh: '载入评分标准（JSON）', en: 'Load a rubric (JSON)' })}
        </Button>
      </Upload>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t({ zh: '未载入：', en: 'Not loaded:' })}
          description={
            <ul style={{ margin: 0 }}>
              {problems.map((problem) => (
                <li key={`${problem.field}:${problem.reason}`}>{`${problem.field}：${problem.reason}`}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Card>
  );
}
