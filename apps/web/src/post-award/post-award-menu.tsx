import { SafetyCertificateOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Bilingual } from '../i18n/language';

/** The console's entries after the award: titles and certificates, post-award duties. */
export const postAwardMenu = (base: string, t: (text: Bilingual) => string) => [
  {
    key: 'titles',
    icon: <SafetyCertificateOutlined />,
    label: <Link to={`${base}/titles`}>{t({ zh: '称号与证书', en: 'Titles and certificates' })}</Link>,
  },
  {
    key: 'duties',
    icon: <ScheduleOutlined />,
    label: <Link to={`${base}/duties`}>{t({ zh: '获奖后义务', en: 'Post-award duties' })}</Link>,
  },
];
