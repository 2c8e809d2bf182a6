import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';
import { addDays } from './rehearsal-clock';

const PASSWORD = 'rehearsal-password-1';

type Stage = CycleContext['policy']['procedure']['stages'][number];

/**
 * Background clearance (e.g. xinzhou-city 第十八条): every department the stage names registered with an account of
 * its own, each candidate's clearance opened (the departments its category asks), and every department answering
 * its own requests `clear`.
 */
export async function clearance(context: CycleContext, stage: Stage): Promise<void> {
  const office = context.token('office');
  const departments = stage.clearance?.departments ?? [];
  const tokens: string[] = [];
  for (const department of departments) {
    const username = `${context.key}-dept-${department.key}`.replace(/_/g, '-');
    const user = await context.client.expect(201, 'POST', context.api('/users'), {
      token: context.operatorToken,
      body: { username, password: PASSWORD, displayName: department.name.zh, roles: ['department'] },
    });
    const registered = await context.client.expect(201, 'POST', context.api('/departments'), {
      token: office,
      body: { key: department.key, name: department.name.zh, userIds: [user.id] },
    });
    tokens.push(await context.client.login(username, PASSWORD));
    context.record('department registered', registered.name as string, registered, {}, department.basis);
  }
  const dueOn = addDays(context.clock.today, 10);
  for (const candidate of context.applicants.filter((a) => a.tier !== null && !a.stopped)) {
    const opened = await context.client.expect(201, 'POST', context.api(`/cycles/${context.cycleNumber}/clearance`), {
      token: office,
      body: { applicationId: candidate.applicationId, category: 'enterprise', dueOn },
    });
    const items = opened.items as Json[];
    context.record('clearance asked', `${candidate.name}: ${items.length} departments, due ${dueOn}`, items[0], {
      requests: items.length,
    });
  }
  let answered = 0;
  for (const token of tokens) {
    const mine = (
      await context.client.expect(200, 'GET', context.api(`/clearance-requests?cycleNumber=${context.cycleNumber}`), {
        token,
      })
    ).items as Json[];
    for (const request of mine.filter(
      (r) => r.status === 'pending' || r.status === 'reminded' || r.status === 'overdue',
    )) {
      await context.client.expect(200, 'POST', context.api(`/clearance-requests/${request.id}/answer`), {
        token,
        body: { outcome: 'clear' },
      });
      answered += 1;
    }
  }
  const all = (
    await context.client.expect(200, 'GET', context.api(`/clearance-requests?cycleNumber=${context.cycleNumber}`), {
      token: office,
    })
  ).items as Json[];
  context.record(
    'clearance answered',
    `${answered} answered, ${all.filter((r) => r.status === 'cleared').length} cleared of ${all.length}`,
    all[0],
    {
      cleared: all.filter((r) => r.status === 'cleared').length,
      total: all.length,
    },
  );
}
