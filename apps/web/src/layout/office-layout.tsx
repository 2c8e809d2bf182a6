import { AuditOutlined, FileSearchOutlined, NotificationOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { consoleMenuAfter, consoleMenuBefore, reviewsMenu } from '../office/console/console-menu';
import { votesMenu } from '../office/votes/votes-menu';
import { winnersMenu } from '../office/winners/winners-menu';
import { postAwardMenu } from '../post-award/post-award-menu';
import { StaffLayout } from './staff-layout';

/** The office console's frame: the jurisdiction, its work (applications, notices, objections …), the user. */
export function OfficeLayout() {
  return (
    <StaffLayout
      area="office"
      title={{ zh: '质量奖评审工作平台', en: 'Quality award office console' }}
      color="#a8071a"
      home="cycle"
      menu={(base, t) => [
        ...consoleMenuBefore(base, t),
        {
          key: 'applications',
          icon: <FileSearchOutlined />,
          label: <Link to={`${base}/applications`}>{t({ zh: '申报工作台', en: 'Applications' })}</Link>,
        },
        {
          key: 'notices',
          icon: <NotificationOutlined />,
          label: <Link to={`${base}/notices`}>{t({ zh: '公示管理', en: 'Notices' })}</Link>,
        },
        {
          key: 'objections',
          icon: <AuditOutlined />,
          label: <Link to={`${base}/objections`}>{t({ zh: '异议处理', en: 'Objections' })}</Link>,
        },
        ...reviewsMenu(base, t),
        ...votesMenu(base, t),
        ...winnersMenu(base, t),
        ...postAwardMenu(base, t),
        ...consoleMenuAfter(base, t),
      ]}
    />
  );
}
