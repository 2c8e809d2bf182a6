import { CheckSquareOutlined, OrderedListOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Bilingual } from '../../i18n/language';

/** The console's entries for the vote of the member units, the deliberation and the candidate list. */
export const votesMenu = (base: string, t: (text: Bilingual) => string) => [
  {
    key: 'votes',
    icon: <CheckSquareOutlined />,
    label: <Link to={`${base}/votes`}>{t({ zh: '成员单位投票', en: 'Member units’ vote' })}</Link>,
  },
  {
    key: 'deliberation',
    icon: <TeamOutlined />,
    label: <Link to={`${base}/deliberation`}>{t({ zh: '审议记录', en: 'Deliberation' })}</Link>,
  },
  {
    key: 'candidate-list',
    icon: <OrderedListOutlined />,
    label: <Link to={`${base}/candidate-list`}>{t({ zh: '候选获奖名单', en: 'Candidate list' })}</Link>,
  },
];
