import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import type { TestClock } from '@laurel/testing';
import type { ApplicationsPlatform, Json } from './applications.util';

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
