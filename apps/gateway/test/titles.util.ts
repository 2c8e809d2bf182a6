import { randomUUID } from 'node:crypto';
import { creditCodeFor } from '@laurel/testing';
import type { ApplicationsPlatform, Json } from './applications.util';

/**
 * Titles of cycle 1 through the real services: the applicants registered by the office, the cycle's candidate list
 * delivered to the awards service's consumer as the reviews service publishes it (the vote that makes it is in
 * reviews-votes), then the government's approval recorded by the office (`POST …/cycles/1/commendation-decision`).
 * Returns each winner's title id, applicant id and credit code, by name.
 */
export async function titlesOfCycleOne(
  sut: ApplicationsPlatform,
  tenant: { key: string; id: string; office: string },
  /** `account`: the applicant account that registers (and so owns) the winner; the office registers it otherwise. */
  winners: readonly { name: string; code: number; account?: string }[],
  decision: { approvingBody: string; documentNumber: string; decidedOn: string },
): Promise<Record<string, { titleId: string; applicantId: string; creditCode: string }>> {
  const api = `/api/v1/tenants/${tenant.key}`;
  const entries = [];
  for (const [index, winner] of winners.entries()) {
    const applicant = await sut.call('POST', `${api}/applicants`, {
      token: winner.account ?? tenant.office,
      body: {
        kind: 'organisation',
        name: winner.name,
        creditCode: creditCodeFor(winner.code),
        legalForm: 'legal_person',
      },
    });
    if (applicant.status !== 201) throw new Error(`applicant ${winner.name}: ${JSON.stringify(applicant.body)}`);
    entries.push({
      applicationId: randomUUID(),
      applicantId: applicant.body.id as string,
      applicantName: winner.name,
      applicantKind: 'organisation' as const,
      position: index + 1,
      voteTier: null,
      deliberationTier: 'award',
      proposedTier: 'award',
    });
  }
  await sut.awards.runtime.consumers.handle('awards-candidate-list-published', {
    id: randomUUID(),
    subject: 'reviews.candidate-list.published.v1',
    tenantId: tenant.id,
    occurredAt: sut.clock.now().toISOString(),
    correlationId: randomUUID(),
    actor: null,
    payload: {
      id: randomUUID(),
      cycleNumber: 1,
      stages: ['deliberation'],
      entries,
      basis: '第十七条',
      publishedBy: 'office',
      publishedAt: sut.clock.now().toISOString(),
    },
  } as never);
  const decided = await sut.call('POST', `${api}/cycles/1/commendation-decision`, {
    token: tenant.office,
    body: { ...decision, winners: entries.map((e) => ({ applicationId: e.applicationId, tier: 'award' })) },
  });
  if (decided.status !== 201) throw new Error(`decision: ${decided.status} ${JSON.stringify(decided.body)}`);
  const titles = await sut.call('GET', `${api}/titles?cycleNumber=1`, { token: tenant.office });
  const byName: Record<string, { titleId: string; applicantId: string; creditCode: string }> = {};
  for (const title of titles.body.items as Json[]) {
    const winner = winners.find((w) => w.name === title.applicantName);
    if (!winner) continue;
    byName[winner.name] = {
      titleId: title.id as string,
      applicantId: title.applicantId as string,
      creditCode: creditCodeFor(winner.code),
    };
  }
  return byName;
}
