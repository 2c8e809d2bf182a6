import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';

const PASSWORD = 'rehearsal-password-1';
const UNITS = ['市场监督管理局', '工业和信息化局', '发展和改革委员会'];

/**
 * The member units' vote (e.g. ili 第十六条): three generated member units with their accounts, the quorum and
 * majority the office records where the text is silent (a recorded decision with its reason), the slate, every unit's
 * ballot for the tiers the rehearsal plans, the tally. The candidates' tiers are then the tally's.
 */
export async function vote(context: CycleContext): Promise<void> {
  const office = context.token('office');
  const units: { name: string; token: string }[] = [];
  for (const [i, unit] of UNITS.entries()) {
    const username = `${context.key}-unit-${i + 1}`;
    const user = await context.client.expect(201, 'POST', context.api('/users'), {
      token: context.operatorToken,
      body: { username, password: PASSWORD, displayName: unit, roles: ['leading_group'] },
    });
    const recorded = await context.client.expect(201, 'POST', context.api('/member-units'), {
      token: office,
      body: { name: unit, userId: user.id },
    });
    units.push({ name: unit, token: await context.client.login(username, PASSWORD) });
    context.record('member unit recorded', recorded.name as string, recorded);
  }
  const created = await context.client.expect(201, 'POST', context.api('/votes'), {
    token: office,
    body: { cycleNumber: context.cycleNumber },
  });
  const id = created.id as string;
  context.record('vote created', created.status as string, created, { voteId: id });
  const rules = await context.client.expect(200, 'PUT', context.api(`/votes/${id}/rules`), {
    token: office,
    body: {
      quorum: { numerator: 2, denominator: 3 },
      majority: { numerator: 1, denominator: 2, strict: true },
      reason: '条文未规定法定人数与多数规则；领导小组会议决定：三分之二以上成员单位投票有效，过半数通过（演练）',
    },
  });
  context.record('vote rules recorded', 'quorum 2/3, majority > 1/2', rules);
  // The slate is the composite report's list where the platform forms one (ili 第十六条), else the office's own.
  const slateBody = context.compositeList
    ? { reason: '综合评审报告推荐的申报（演练）' }
    : {
        applicationIds: context.applicants.filter((a) => !a.stopped).map((a) => a.applicationId),
        reason: '按综合评审报告排序（演练）',
      };
  const slated = await context.client.expect(200, 'PUT', context.api(`/votes/${id}/slate`), {
    token: office,
    body: slateBody,
  });
  const slate = slated.slate as Json;
  const onSlate = new Set((slate.candidates as Json[]).map((c) => c.applicationId as string));
  context.record('vote slate recorded', `${onSlate.size} candidates (${slate.source})`, slated, {
    candidates: [...onSlate],
    source: slate.source,
    basis: slate.basis,
  });
  const opened = await context.client.expect(200, 'POST', context.api(`/votes/${id}/open`), { token: office });
  context.record('vote opened', `${units.length} member units`, opened);
  for (const unit of units) {
    await context.client.expect(200, 'POST', context.api(`/votes/${id}/ballots/mine/cast`), {
      token: unit.token,
      body: {
        choices: context.applicants
          .filter((a) => onSlate.has(a.applicationId))
          .map((a) => ({ applicationId: a.applicationId, choice: a.tier ?? 'none' })),
      },
    });
  }
  context.record('ballots cast', `${units.length} of ${units.length}`, undefined, {}, null);
  const closed = await context.client.expect(200, 'POST', context.api(`/votes/${id}/close`), { token: office });
  const tally = closed.tally as Json;
  for (const candidate of tally.candidates as Json[]) {
    const applicant = context.applicants.find((a) => a.applicationId === candidate.applicationId);
    if (applicant) applicant.tier = (candidate.proposedTier as string | null) ?? null;
  }
  context.record(
    'vote tallied',
    `${tally.cast}/${tally.electorate} cast; ${context.applicants.map((a) => `${a.n}:${a.tier ?? '—'}`).join(' ')}`,
    tally,
    { status: closed.status, cast: tally.cast, tiers: context.applicants.map((a) => a.tier) },
  );
}
