import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';

/** Who approves, as the policy's approval stage names it. */
export const approvingBodyOf = (context: CycleContext): string =>
  context.policy.procedure.stages.find((s) => s.kind === 'approval')?.actor?.zh ?? `${context.policy.name.zh}审定机关`;

/** The office's record of the government's approval act: the candidates with their tiers (the request's body). */
export function decisionBody(context: CycleContext): Json {
  return {
    approvingBody: approvingBodyOf(context),
    documentNumber: `演练〔${context.cycleYear}〕${context.cycleNumber}号`,
    decidedOn: context.clock.today,
    winners: context.applicants
      .filter((a) => a.tier !== null)
      .map((w) => ({ applicationId: w.applicationId, tier: w.tier })),
  };
}

/** Records the approval and the titles it granted; each winner's title id kept on its applicant. */
export function recordTitles(context: CycleContext, decision: Json): Json[] {
  const quotas = (decision.quotas as Json[]).map((q) => `${q.tier} ${q.used}/${q.max ?? '∞'}`).join(', ');
  context.record('approval recorded', `${approvingBodyOf(context)}: ${quotas}`, decision, { decisionId: decision.id });
  const titles = decision.titles as Json[];
  for (const title of titles) {
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
  }
  return titles;
}

/**
 * The government's approval recorded by the office from its act (the candidates with their tiers), the titles it
 * grants, a certificate for each and the duties the policy plans for each title.
 */
export async function approval(context: CycleContext): Promise<void> {
  const office = context.token('office');
  const decision = await context.client.expect(
    201,
    'POST',
    context.api(`/cycles/${context.cycleNumber}/commendation-decision`),
    { token: office, body: decisionBody(context) },
  );
  for (const title of recordTitles(context, decision)) {
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
