import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';

/** Who approves, as the policy's approval stage names it. */
export const approvingBodyOf = (context: CycleContext): string =>
  context.policy.procedure.stages.find((s) => s.kind === 'approval')?.actor?.zh ?? `${context.policy.name.zh}审定机关`;

/**
 * The government's approval recorded by the office from its act (the candidates with their tiers), the titles it
 * grants, a certificate for each and the duties the policy plans for each title.
 */
export async function approval(context: CycleContext): Promise<void> {
  const office = context.token('office');
  const winners = context.applicants.filter((a) => a.tier !== null);
  const decision = await context.client.expect(
    201,
    'POST',
    context.api(`/cycles/${context.cycleNumber}/commendation-decision`),
    {
      token: office,
      body: {
        approvingBody: approvingBodyOf(context),
        documentNumber: `演练〔${context.cycleYear}〕${context.cycleNumber}号`,
        decidedOn: context.clock.today,
        winners: winners.map((w) => ({ applicationId: w.applicationId, tier: w.tier })),
      },
    },
  );
  const quotas = (decision.quotas as Json[]).map((q) => `${q.tier} ${q.used}/${q.max ?? '∞'}`).join(', ');
  context.record('approval recorded', `${approvingBodyOf(context)}: ${quotas}`, decision, { decisionId: decision.id });
  for (const title of decision.titles as Json[]) {
    const applicant = context.applicants.find((a) => a.applicationId === title.applicationId);
    if (applicant) applicant.titleId = title.id as string;
    context.record(
      'title granted',
      `${title.applicantName}: ${title.tier}, valid until ${title.validUntil ?? '—'}`,
      title,
      {
        titleId: title.id,
        tier: title.tier,
        status: title.status,
        validUntil: title.validUntil,
      },
      title.validityBasis as string,
    );
    const certificate = await context.client.expect(201, 'POST', context.api(`/titles/${title.id}/certificate`), {
      token: office,
    });
    context.record('certificate issued', `${title.applicantName}: ${certificate.number}`, certificate, {
      certificate,
    });
    const duties = await context.client.expectOk('POST', context.api(`/titles/${title.id}/duties`), { token: office });
    const list = (duties.items ?? []) as Json[];
    context.record('duties planned', `${title.applicantName}: ${list.length} duties`, list[0] ?? duties, {
      duties: list.map((d) => ({ key: d.key, kind: d.kind, dueDate: d.dueDate, basis: d.basis })),
    });
  }
}
