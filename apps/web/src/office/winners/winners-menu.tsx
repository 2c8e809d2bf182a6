import { CrownOutlined, SafetyCertificateOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Bilingual } from '../../i18n/language';

/** The console's entries from candidates to winners: background clearance, quotas and approval, titles. */
export const winnersMenu = (base: string, t: (text: Bilingual) => string) => [
  {
    key: 'clearance',
    icon: <SolutionOutlined />,
    label: <Link to={`${base}/clearance`}>{t({ zh: '征求意见', en: 'Clearance' })}</Link>,
  },
  {
    key: 'winners',
    icon: <CrownOutlined />,
    label: <Link to={`${base}/winners`}>{t({ zh: '名额与审定', en: 'Quotas and approval' })}</Link>,
  },
  {
    key: 'titles',
    icon: <SafetyCertificateOutlined />,
    label: <Link to={`${base}/titles`}>{t({ zh: '获奖称号', en: 'Titles' })}</Link>,
  },
];
