import type { CycleContext } from './cycle-context';
import { type Json, until } from './gateway-client';

/**
 * The use of the award money where the policy says how it is used (inner-mongolia 第十九条 不得挪作他用, xinzhou-city
 * 第二十二条 主要用于; ADR 0032): each paid winner reports its spending through the applicant's routes by the purposes the
 * platform answers, finance accepts the report, records the grant's performance evaluation where the policy asks for
 * one, and the awards service marks the winner's duty of that article submitted. A policy silent on the use owes none.
 */
export async function useOfMoney(context: CycleContext): Promise<void> {
  if (!context.policy.funding.use) return;
  const finance = context.token('finance');
  const funds = context.api('/funds');
  for (const winner of context.applicants.filter((a) => a.titleId !== null)) {
    const own = await context.client.expect(200, 'GET', `${funds}/use-reports?applicantId=${winner.applicantId}`, {
      token: winner.accountToken,
    });
    for (const item of own.items as Json[]) {
      const entitlement = item.entitlement as Json;
      const rules = item.rules as Json | null;
      const paid = entitlement.paidFen as number;
      if (!rules || paid <= 0) continue;
      const use = `${funds}/entitlements/${entitlement.id}`;
      const lines = useLines(rules, paid);
      await context.client.expect(200, 'PUT', `${use}/use-report`, { token: winner.accountToken, body: { lines } });
      const submitted = await context.client.expect(200, 'POST', `${use}/use-report/submission`, {
        token: winner.accountToken,
      });
      const report = submitted.report as Json;
      context.record(
        'use of the money reported by the winner',
        `${winner.name}: ${report.totalFen} fen by ${lines.map((l) => l.purpose).join(', ')}, ${report.status}`,
        submitted,
        { entitlementId: entitlement.id, status: report.status, totalFen: report.totalFen },
        rules.basis as string,
      );
      const accepted = await context.client.expect(200, 'POST', `${use}/use-report/acceptance`, {
        token: finance,
        body: USE_ACCEPTED,
      });
      context.record(
        'use report accepted by finance',
        `${winner.name}: ${(accepted.report as Json).status}`,
        accepted,
        { entitlementId: entitlement.id, status: (accepted.report as Json).status },
        rules.basis as string,
      );
      if (rules.performanceEvaluation) await evaluation(context, winner.titleId as string, use, rules.basis as string);
    }
  }
}

/** The lines of a use report spending what was paid, split between the first two purposes the rules list. */
export function useLines(rules: Json, paid: number): { purpose: string; amountFen: number; description: string }[] {
  const purposes = (rules.purposes as Json[]).slice(0, 2);
  if (purposes.length === 0) return [{ purpose: 'other', amountFen: paid, description: '质量提升项目支出（演练）' }];
  return purposes.map((p, i) => ({
    purpose: p.key as string,
    amountFen:
      i === purposes.length - 1 ? paid - Math.floor(paid / purposes.length) * i : Math.floor(paid / purposes.length),
    description: `${(p.name as Json).zh}项目支出（演练）`,
  }));
}

/** Finance's acceptance of a use report. */
export const USE_ACCEPTED = { note: '资金使用符合办法规定的用途（演练）' };

/** Finance's record of the grant's performance evaluation, dated today. */
export const evaluationBody = (context: CycleContext): Json => ({
  rating: 'good',
  score: 85,
  conclusion: '资金使用规范，项目按计划实施（演练）',
  evaluator: '财政部门（演练）',
  evaluatedOn: context.clock.today,
  document: `演练绩评〔${context.cycleYear}〕1号`,
});

/** Finance records the grant's performance evaluation; the awards service marks the evaluation duty submitted. */
async function evaluation(context: CycleContext, titleId: string, use: string, basis: string): Promise<void> {
  const recorded = await context.client.expect(201, 'POST', `${use}/performance-evaluation`, {
    token: context.token('finance'),
    body: evaluationBody(context),
  });
  const evaluated = recorded.evaluation as Json;
  context.record('performance evaluation recorded', `${evaluated.rating}, ${evaluated.document}`, evaluated, {
    rating: evaluated.rating,
  });
  const duty = await until('the evaluation duty marked submitted', async () => {
    const duties = await context.client.expect(200, 'GET', context.api(`/duties?titleId=${titleId}`), {
      token: context.token('office'),
    });
    return (duties.items as Json[]).find((d) => d.kind === 'requested_evaluation' && d.status === 'submitted');
  });
  context.record('duty: requested evaluation', `${duty.status}`, duty, { kind: duty.kind, status: duty.status }, basis);
}
