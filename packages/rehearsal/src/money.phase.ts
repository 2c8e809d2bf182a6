import { randomUUID } from 'node:crypto';
import type { Policy } from '@laurel/policy';
import type { CycleContext } from './cycle-context';
import { type Json, until } from './gateway-client';

const FUNDS = (context: CycleContext) => context.api('/funds');

/** The largest prize the policy gives, in fen (0 where it gives none). */
const largestPrize = (context: CycleContext): number =>
  Math.max(
    0,
    ...context.policy.tiers.flatMap((t) =>
      Object.values(t.money?.fen ?? {}).filter((v): v is number => typeof v === 'number'),
    ),
  );

/** Finance loads the award budget of the cycle's year and the next (where the policy pays in the next budget year). */
export async function appropriate(context: CycleContext): Promise<void> {
  const amountFen = largestPrize(context) * context.applicants.length;
  if (amountFen === 0) {
    context.record('award budget', 'the policy gives no prize money', undefined, {}, null);
    return;
  }
  for (const budgetYear of [context.cycleYear, context.cycleYear + 1]) {
    const loaded = await context.client.expect(201, 'POST', `${FUNDS(context)}/appropriations`, {
      token: context.token('finance'),
      body: { transferId: randomUUID(), budgetYear, amountFen, document: `演练财预〔${budgetYear}〕1号` },
    });
    context.record('award budget appropriated', `${budgetYear}: ${amountFen} fen`, loaded, { budgetYear, amountFen });
  }
}

/** The winners' entitlements, as funds obligates them from the approval; each paid in two instalments. */
export async function payEntitlements(context: CycleContext): Promise<void> {
  const finance = context.token('finance');
  const winners = context.applicants.filter((a) => a.titleId !== null);
  const entitlements = await until('the winners’ entitlements', async () => {
    const list = (await context.client.expect(200, 'GET', `${FUNDS(context)}/entitlements`, { token: finance }))
      .entitlements as Json[];
    return list.length >= winners.length ? list : undefined;
  });
  for (const entitlement of entitlements) {
    context.record(
      'entitlement',
      `${entitlement.applicantName}: ${entitlement.tier} ${entitlement.amountFen ?? '—'} fen, ${entitlement.status}, budget year ${entitlement.budgetYear}`,
      entitlement,
      {
        entitlementId: entitlement.id,
        amountFen: entitlement.amountFen,
        capFen: entitlement.capFen ?? null,
        status: entitlement.status,
        budgetYear: entitlement.budgetYear,
      },
    );
    const decided = entitlement.status === 'amount_undecided' ? await decideAmount(context, entitlement) : entitlement;
    const amount = decided.amountFen as number | null;
    if (decided.status !== 'obligated' || !amount) continue;
    const first = Math.round(amount * 0.6);
    for (const [n, part] of [
      [1, first],
      [2, amount - first],
    ] as const) {
      const transferId = randomUUID();
      await context.client.expect(201, 'POST', `${FUNDS(context)}/entitlements/${entitlement.id}/disbursements`, {
        token: finance,
        body: { transferId, amountFen: part, voucher: `演练付〔${context.cycleYear}〕${n}号` },
      });
      const confirmed = await context.client.expect(
        200,
        'POST',
        `${FUNDS(context)}/disbursements/${transferId}/confirm`,
        {
          token: finance,
          body: { transferId: randomUUID(), treasuryReference: `国库集中支付 演练-${n}` },
        },
      );
      context.record(
        `instalment ${n} paid`,
        `${entitlement.applicantName}: ${part} fen`,
        confirmed,
        {
          entitlementId: entitlement.id,
          amountFen: part,
          status: confirmed.status,
        },
        (entitlement.basis as string | null) ?? null,
      );
    }
  }
}

/** The cap the policy's tier sets for an applicant kind ("不超过"), or null where the text states no amount. */
export function capOf(policy: Policy, tier: string, kind: 'organisation' | 'individual'): number | null {
  const money = policy.tiers.find((t) => t.key === tier)?.money;
  if (money?.amountIs?.[kind] !== 'cap') return null;
  return money.fen[kind] ?? null;
}

/**
 * An amount the regulation leaves open, decided by finance with its reason (ADR 0033): the cap where the text gives
 * one (the rehearsal's decision: the full cap), nothing where it states no amount (the rehearsal invents no prize).
 */
async function decideAmount(context: CycleContext, entitlement: Json): Promise<Json> {
  // The cap as funds recorded it from the policy version of the award; the rehearsed document's where it has none.
  const cap =
    (entitlement.capFen as number | null | undefined) ??
    capOf(context.policy, entitlement.tier as string, entitlement.applicantKind as 'organisation');
  const amountFen = cap ?? 0;
  const reason =
    cap === null
      ? '办法未规定奖金数额：本届决定不发奖金（演练中的决定，不代表该地区的决定）'
      : `办法规定奖金不超过上限：本届决定按上限 ${cap} 分发放（演练中的决定）`;
  const decided = await context.client.expect(
    200,
    'POST',
    `${FUNDS(context)}/entitlements/${entitlement.id}/amount-decision`,
    {
      token: context.token('finance'),
      body: { amountFen, decidedBy: '领导小组办公室（演练）', document: `演练奖定〔${context.cycleYear}〕1号`, reason },
    },
  );
  context.record(
    'amount decided',
    `${entitlement.applicantName}: ${amountFen} fen (${cap === null ? 'no amount in the text' : `cap ${cap}`}), ${decided.status}`,
    decided,
    {
      entitlementId: entitlement.id,
      amountFen: decided.amountFen,
      capFen: cap,
      status: decided.status,
      reason,
      decision: decided.amountDecision ?? null,
    },
    (decided.basis as string | null) ?? (entitlement.basis as string | null) ?? null,
  );
  return decided;
}

/** The budget year's balances (what the full-cycle tests assert). */
export async function budgetYear(context: CycleContext, year: number): Promise<Json | undefined> {
  const years = (
    await context.client.expect(200, 'GET', `${FUNDS(context)}/budget-years`, { token: context.token('finance') })
  ).budgetYears as Json[];
  return years.find((y) => y.budgetYear === year);
}
