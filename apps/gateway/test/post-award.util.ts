import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { loadLaunchPolicy } from '@laurel/policy';
import type { TestClock } from '@laurel/testing';
import type { ApplicationsPlatform, Json } from './applications.util';
import { titlesOfCycleOne } from './titles.util';

/**
 * A title through the real route: the office opens cycle 1, the reviews service's candidate list is delivered to the
 * awards service's consumer (the vote and deliberation that make it are in reviews-votes), and the office records the
 * government's approval with the applicant as the one winner. Answers the title's id.
 */
export async function grantTitle(
  sut: ApplicationsPlatform,
  clock: TestClock,
  input: {
    tenant: string;
    office: string;
    applicantId: string;
    name: string;
    decidedOn: string;
    documentNumber: string;
  },
): Promise<string> {
  const api = `/api/v1/tenants/${input.tenant}`;
  const ok = (response: { status: number; body: Json }, status: number) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const year = Number(input.decidedOn.slice(0, 4));
  ok(
    await sut.call('POST', `${api}/cycles`, {
      token: input.office,
      body: { year, opensOn: `${year}-11-01`, closesOn: `${year}-12-31` },
    }),
    201,
  );
  const tenantId = ok(await sut.call('GET', api, { token: await sut.login('operator') }), 200).id as string;
  const applicationId = randomUUID();
  await (sut.awards as RunningService).runtime.consumers.handle('awards-candidate-list-published', {
    id: randomUUID(),
    subject: 'reviews.candidate-list.published.v1',
    tenantId,
    occurredAt: clock.now().toISOString(),
    correlationId: randomUUID(),
    actor: null,
    payload: {
      id: randomUUID(),
      cycleNumber: 1,
      stages: ['deliberation'],
      entries: [
        {
          applicationId,
          applicantId: input.applicantId,
          applicantName: input.name,
          applicantKind: 'organisation',
          position: 1,
          voteTier: null,
          deliberationTier: 'award',
          proposedTier: 'award',
        },
      ],
      basis: '第二十一条',
      publishedBy: 'office',
      publishedAt: clock.now().toISOString(),
    },
  } as never);
  const decision = ok(
    await sut.call('POST', `${api}/cycles/1/commendation-decision`, {
      token: input.office,
      body: {
        approvingBody: '临夏县人民政府',
        documentNumber: input.documentNumber,
        decidedOn: input.decidedOn,
        winners: [{ applicationId, tier: 'award' }],
      },
    }),
    201,
  );
  const titles = ok(await sut.call('GET', `${api}/titles?cycleNumber=1`, { token: input.office }), 200).items as Json[];
  const title = titles.find((candidate) => candidate.applicantId === input.applicantId);
  if (!title) throw new Error(`no title after the decision: ${JSON.stringify(decision)}`);
  return title.id as string;
}

/**
 * xinzhou-city with a duty whose refusal is a ground (第二十八条): its launch policy schedules none, so the operator
 * versions it (before cycle 1) with the promotion duty of 第二十五条 as one the office asks for; then a title of cycle 1
 * through the recorded approval, its duties planned, and the promotion duty dated by the office. Answers the title's
 * and the duty's ids.
 */
export async function xinzhouCityTitleWithPromotionDuty(
  sut: ApplicationsPlatform,
  input: { office: string; name: string; code: number; decidedOn: string; closesOn: string; dueDate: string },
): Promise<{ titleId: string; dutyId: string }> {
  const api = '/api/v1/tenants/xinzhou-city';
  const ok = (response: { status: number; body: Json }, status: number) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const operator = await sut.login('operator');
  const policy = structuredClone(loadLaunchPolicy('xinzhou-city')) as unknown as {
    version: number;
    obligations: { reports: unknown[] };
  };
  policy.version = 2;
  policy.obligations.reports.push({
    key: 'promotion',
    name: { zh: '宣传推广质量管理经验', en: 'Promotion of the quality management experience' },
    recipient: { zh: '市质量奖评审委员会办公室', en: 'The office' },
    tiers: ['award'],
    applicantKinds: ['organisation', 'individual'],
    schedule: { kind: 'on_request' },
    basis: '第二十五条',
  });
  ok(await sut.call('PUT', `${api}/policy`, { token: operator, body: { policy } }), 200);
  const tenantId = ok(await sut.call('GET', api, { token: operator }), 200).id as string;
  const year = Number(input.decidedOn.slice(0, 4));
  ok(
    await sut.call('POST', `${api}/cycles`, {
      token: input.office,
      body: { year, opensOn: input.decidedOn, closesOn: input.closesOn },
    }),
    201,
  );
  const titles = await titlesOfCycleOne(
    sut,
    { key: 'xinzhou-city', id: tenantId, office: input.office },
    [{ name: input.name, code: input.code }],
    { approvingBody: '忻州市人民政府', documentNumber: `忻政发〔${year}〕30号`, decidedOn: input.decidedOn },
  );
  const titleId = titles[input.name]?.titleId as string;
  const planned = ok(await sut.call('POST', `${api}/titles/${titleId}/duties`, { token: input.office }), 200);
  const duty = (planned.items as Json[]).find((d) => d.key === 'promotion') as Json;
  ok(
    await sut.call('POST', `${api}/duties/${duty.id}/due-date`, {
      token: input.office,
      body: { dueDate: input.dueDate, reason: '市质量月宣传推广活动，书面通知获奖组织' },
    }),
    200,
  );
  return { titleId, dutyId: duty.id as string };
}
