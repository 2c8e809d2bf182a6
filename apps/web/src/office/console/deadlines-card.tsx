import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/problem';
import { formatDeadline, formatInstant, plainBasis } from '../../format/shanghai-time';
import { useT } from '../../i18n/language-context';
import { usePlatformClock } from '../../shared/use-platform-clock';
import { useTenantObjections } from './use-tenant-objections';

const DAY_MS = 24 * 3600 * 1000;
/** The date in Shanghai of an instant, as YYYY-MM-DD. */
const shanghaiDate = (ms: number) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
const PENDING = new Set(['received', 'admitted']);

interface Due {
  key: string;
  at: string;
  /** The last day (24:00 Beijing time), when the deadline is a day. */
  lastDay?: string;
  what: string;
  basis: string;
  link: string;
  overdue: boolean;
}

/** The tenant's own article among a deadline's bases (`…; ili 第十七条; 日历…` → `（第十七条）`), else the whole basis. */
function articleOf(basis: string, tenantKey: string): string {
  if (!basis) return '';
  const own = basis.split(/;\s*/).filter((part) => part.startsWith(`${tenantKey} `));
  return `（${(own.length > 0 ? own : [basis]).map(plainBasis).join('；')}）`;
}

/**
 * What falls due within seven days (Beijing dates) of the platform's time (the rehearsal clock's on a rehearsal platform): open notices
 * closing, objections' examination deadlines; and every overdue objection (`?overdue=true`), first.
 */
export function DeadlinesCard(props: { tenantKey: string }) {
  const { tenantKey } = props;
  const t = useT();
  const clock = usePlatformClock();
  const notices = useQuery({
    queryKey: ['office', tenantKey, 'notices', 'open'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/notices', {
          params: { path: { tenantKey }, query: { status: 'open', limit: 200 } },
        }),
      ).notices,
  });
  const objections = useTenantObjections(tenantKey);
  const overdue = useQuery({
    queryKey: ['office', tenantKey, 'objections', 'overdue'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenants/{tenantKey}/objections', {
          params: { path: { tenantKey }, query: { overdue: 'true', limit: 200 } },
        }),
      ).objections,
  });
  const now = clock.data ? Date.parse(clock.data.now) : Date.now();
  // Due this week: the last day falls within the seven days from today (Beijing dates), and has not yet passed.
  const today = shanghaiDate(now);
  const inAWeek = shanghaiDate(now + 7 * DAY_MS);
  const soon = (lastDay: string, at: string) => lastDay >= today && lastDay <= inAWeek && Date.parse(at) >= now;
  const overdueIds = new Set((overdue.data ?? []).map((o) => o.id));
  const items: Due[] = [
    ...(overdue.data ?? []).map((o) => ({
      key: `overdue-${o.id}`,
      at: o.examination?.dueAt ?? o.receivedAt,
      what: `${t({ zh: '异议审查逾期', en: 'Objection overdue' })}：${o.receiptNumber}（${o.entry.subjectName}）`,
      basis: o.examination?.basis ?? '',
      link: `/office/${tenantKey}/objections/${o.id}`,
      overdue: true,
    })),
    ...(notices.data ?? [])
      .filter((n) => soon(n.deadline.lastDay, n.deadline.closesAt))
      .map((n) => ({
        key: `notice-${n.id}`,
        at: n.deadline.closesAt,
        lastDay: n.deadline.lastDay,
        what: `${t({ zh: '公示截止', en: 'Notice closes' })}：${n.title}`,
        basis: n.deadline.basis,
        link: `/office/${tenantKey}/notices`,
        overdue: false,
      })),
    ...(objections.data ?? [])
      .filter(
        (o) =>
          PENDING.has(o.status) &&
          o.examination &&
          soon(o.examination.lastDay, o.examination.dueAt) &&
          !overdueIds.has(o.id),
      )
      .map((o) => ({
        key: `objection-${o.id}`,
        at: o.examination?.dueAt ?? '',
        lastDay: o.examination?.lastDay,
        what: `${t({ zh: '异议审查期限', en: 'Objection examination due' })}：${o.receiptNumber}（${o.entry.subjectName}）`,
        basis: o.examination?.basis ?? '',
        link: `/office/${tenantKey}/objections/${o.id}`,
        overdue: false,
      })),
  ].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.at.localeCompare(b.at));
  return (
    <Card
      title={t({ zh: '本周到期与逾期事项', en: 'Due this week and overdue' })}
      data-testid="deadlines"
      loading={notices.isLoading || objections.isLoading || overdue.isLoading}
    >
      <List
        size="small"
        dataSource={items}
        locale={{
          emptyText: t({ zh: '七日内无到期事项，亦无逾期', en: 'Nothing due within seven days, nothing overdue' }),
        }}
        renderItem={(item) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={item.link}>
                  {item.overdue && <Tag color="red">{t({ zh: '逾期', en: 'Overdue' })}</Tag>}
                  {item.what}
                </Link>
              }
              description={`${item.lastDay ? formatDeadline(item.lastDay, t.language) : formatInstant(item.at, t.language)}${articleOf(item.basis, tenantKey)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
