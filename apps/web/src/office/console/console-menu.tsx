import {
  AccountBookOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  BookOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  StopOutlined,
  TeamOutlined,
  UserDeleteOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import type { Bilingual } from '../../i18n/language';

type Translate = (text: Bilingual) => string;

/** The console's menu entries before the work queues: the cycle at a glance. */
export const consoleMenuBefore = (base: string, t: Translate) => [
  {
    key: 'cycle',
    icon: <DashboardOutlined />,
    label: <Link to={`${base}/cycle`}>{t({ zh: '本届概况', en: 'Cycle at a glance' })}</Link>,
  },
];

/** … the review stages with their panels and assignments, and the scores, after the work queues. */
export const reviewsMenu = (base: string, t: Translate) => [
  {
    key: 'review-stages',
    icon: <ApartmentOutlined />,
    label: <Link to={`${base}/review-stages`}>{t({ zh: '评审环节', en: 'Review stages' })}</Link>,
  },
  {
    key: 'scoring',
    icon: <BarChartOutlined />,
    label: <Link to={`${base}/scoring`}>{t({ zh: '评分汇总', en: 'Scores' })}</Link>,
  },
  {
    key: 'conflicts',
    icon: <UserDeleteOutlined />,
    label: <Link to={`${base}/conflicts`}>{t({ zh: '回避', en: 'Conflicts' })}</Link>,
  },
];

/** … and after them: applicants, recommenders, reports, the policy, the audit trail. */
export const consoleMenuAfter = (base: string, t: Translate) => [
  {
    key: 'applicants',
    icon: <ShopOutlined />,
    label: <Link to={`${base}/applicants`}>{t({ zh: '申报主体', en: 'Applicants' })}</Link>,
  },
  {
    key: 'recommenders',
    icon: <TeamOutlined />,
    label: <Link to={`${base}/recommenders`}>{t({ zh: '推荐单位', en: 'Recommenders' })}</Link>,
  },
  {
    key: 'reports',
    icon: <WarningOutlined />,
    label: <Link to={`${base}/reports`}>{t({ zh: '举报受理', en: 'Reports' })}</Link>,
  },
  {
    key: 'revocations',
    icon: <StopOutlined />,
    label: <Link to={`${base}/revocations`}>{t({ zh: '撤销案件', en: 'Revocations' })}</Link>,
  },
  {
    key: 'bans',
    icon: <StopOutlined />,
    label: <Link to={`${base}/bans`}>{t({ zh: '禁止申报', en: 'Bans' })}</Link>,
  },
  {
    // The office reads the money (and records an amount a body decided) on the finance pages; finance keeps it.
    key: 'money',
    icon: <AccountBookOutlined />,
    label: (
      <Link to={`${base.replace(/^\/office\//, '/finance/')}/entitlements`}>
        {t({ zh: '奖补资金', en: 'Award money' })}
      </Link>
    ),
  },
  {
    key: 'policy',
    icon: <BookOutlined />,
    label: <Link to={`${base}/policy`}>{t({ zh: '管理办法解读', en: 'The policy' })}</Link>,
  },
  {
    key: 'audit',
    icon: <SafetyCertificateOutlined />,
    label: <Link to={`${base}/audit`}>{t({ zh: '审计记录', en: 'Audit trail' })}</Link>,
  },
];
