import { SafetyCertificateOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Bilingual } from '../i18n/language';

/** The console's entries after the award: certificates of the titles, post-award duties. */
export const postAwardMenu = (base: string, t: (text: Bilingual) => string) => [
  {
    key: 'certificates',
    icon: <SafetyCertificateOutlined />,
    label: <Link to={`${base}/certificates`}>{t({ zh: '证书管理', en: 'Certificates' })}</Link>,
  },
  {
    key: 'duties',
    icon: <ScheduleOutlined />,
    label: <Link to={`${base}/duties`}>{t({ zh: '获奖后义务', en: 'Post-award duties' })}</Link>,
  },
];
