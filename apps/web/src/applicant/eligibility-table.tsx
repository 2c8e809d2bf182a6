import { Table } from 'antd';
import type { Application } from '../api/api-types';
import { formatInstant, plainBasis } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { FINDING_OUTCOME } from '../shared/status-labels';
import { StatusTag } from '../shared/status-tag';

/**
 * Eligibility per rule of the cycle's policy, each with its article; a condition the regulation leaves to people
 * shows as such until the office records its decision (who, when, why).
 */
export function EligibilityTable({ application }: { application: Application }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="ruleId"
      pagination={false}
      data-testid="eligibility"
      dataSource={application.eligibility.findings}
      columns={[
        { title: t({ zh: '依据', en: 'Article' }), width: 100, render: (_, f) => plainBasis(f.basis) },
        { title: t({ zh: '条件', en: 'Condition' }), render: (_, f) => t(f.reason) },
        {
          title: t({ zh: '结论', en: 'Outcome' }),
          width: 120,
          render: (_, f) => <StatusTag table={FINDING_OUTCOME} status={f.decision?.outcome ?? f.outcome} />,
        },
        {
          title: t({ zh: '说明', en: 'Note' }),
          width: 180,
          render: (_, f) =>
            f.decision
              ? `${f.decision.decidedBy} · ${formatInstant(f.decision.decidedAt, t.language)} · ${f.decision.reason}`
              : f.outcome === 'needs_decision'
                ? t({ zh: '由工作人员审核认定', en: 'Decided by the office' })
                : f.outcome === 'missing'
                  ? t({ zh: '请补充申报事实', en: 'Declare the facts it needs' })
                  : '—',
        },
      ]}
    />
  );
}
