import {
  AccountBookOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  RollbackOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { StaffLayout } from '../layout/staff-layout';
import { useTenantRoles } from '../shared/use-tenant-roles';

/** The finance office's frame (role `finance`): budget years and the ledger, entitlements and their disbursement. */
export function FinanceLayout() {
  const { tenantKey = '' } = useParams();
  // The office reads the money here too: its way back to the console.
  const office = useTenantRoles(tenantKey).has('office');
  return (
    <StaffLayout
      area="finance"
      title={{ zh: '奖补资金管理', en: 'Award money' }}
      color="#874d00"
      home="budget"
      menu={(base, t) => [
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
          key: 'use-reports',
          icon: <FileDoneOutlined />,
          label: <Link to={`${base}/use-reports`}>{t({ zh: '资金使用与绩效评价', en: 'Use and evaluation' })}</Link>,
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
        ...(office
          ? [
              {
                key: 'office',
                icon: <DashboardOutlined />,
                label: (
                  <Link to={`/office/${tenantKey}`}>{t({ zh: '返回办公室工作台', en: 'Back to the console' })}</Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
