import { randomUUID } from 'node:crypto';
import type { Policy } from '@laurel/policy';
import { approvingBodyOf } from './approval.phase';
import type { CycleContext, RehearsalApplicant } from './cycle-context';
import { type Json, UnexpectedAnswer, until } from './gateway-client';
import { addDays } from './rehearsal-clock';
import { addMonths } from './setup.phase';

/** The grounds a rehearsal prefers for its revocation: fraud first (the case every text covers). */
const PREFERRED_GROUNDS = ['fraud_or_bribery', 'false_materials'];

/** The policy's consequence that revokes and bans, and the ground the rehearsal reports under it. */
export function consequenceToRehearse(context: CycleContext) {
  const candidates = context.policy.consequences.filter((c) => c.actions.revoke && c.actions.ban);
  const chosen = candidates.find((c) => c.events.some((e) => PREFERRED_GROUNDS.includes(e))) ?? candidates[0];
  if (!chosen) return null;
  const ground = PREFERRED_GROUNDS.find((g) => chosen.events.includes(g as never)) ?? chosen.events[0];
  return { consequence: chosen, ground: ground as string };
}

/**
 * A revocation of the first award winner's title on the ground the policy revokes and bans for, the approving body's
 * act recorded, each consequence the platform applied (with its article), the clawback case in funds demanded and
 * recovered, and the ban.
 */
export async function revocation(context: CycleContext): Promise<RehearsalApplicant | null> {
  const office = context.token('office');
  const chosen = consequenceToRehearse(context);
  const winner = context.applicants.find((a) => a.titleId !== null);
  if (!chosen || !winner) {
    context.record('revocation', 'the policy revokes and bans on no ground', undefined, {}, null);
    return null;
  }
  // The event a month after the award: within every window a text sets (xinzhou-district: half a year).
  await context.clock.moveDays(30);
  const opened = await context.client.expect(201, 'POST', context.api('/revocations'), {
    token: office,
    body: revocationBody(context, winner.titleId as string, chosen.ground),
  });
  const planned = ((opened.evaluation as Json).consequences as Json[]).map((c) => c.kind).join(', ');
  context.record('revocation case opened', `${winner.name}: ${chosen.ground} → ${planned}`, opened.evaluation as Json, {
    revocationId: opened.id,
    ground: chosen.ground,
  });
  await context.clock.moveDays(7);
  const approvedBy = approvalOf(context, chosen.consequence).body;
  const approved = await context.client.expect(200, 'POST', context.api(`/revocations/${opened.id}/approve`), {
    token: office,
    body: approvalOf(context, chosen.consequence),
  });
  context.record('revocation approved', `${approvedBy}: ${approved.status}`, approved, { status: approved.status });
  for (const step of approved.steps as Json[]) {
    context.record(`consequence: ${step.kind}`, JSON.stringify(step.detail ?? {}), step, {
      kind: step.kind,
      detail: step.detail,
    });
  }
  if ((approved.steps as Json[]).some((s) => String(s.kind).startsWith('clawback')))
    await clawback(context, opened.id as string);
  const bans = await context.client.expect(200, 'GET', context.api('/bans'), { token: office });
  for (const ban of bans.bans as Json[]) {
    context.record(
      'ban recorded',
      `${ban.applicantName}: ${ban.count} ${ban.unit} from ${ban.startYear}, allowed from ${ban.allowedFromYear}`,
      ban,
      { ban },
    );
  }
  return winner;
}

/** The office's request to open a revocation case of a title on a ground, today, with the investigation's report. */
export function revocationBody(context: CycleContext, titleId: string, ground: string): Json {
  return {
    titleId,
    ground,
    eventOn: context.clock.today,
    description: '经查，申报材料弄虚作假（演练）',
    evidence: [{ title: '调查报告（演练）', reference: `演练查〔${context.cycleYear}〕1号` }],
  };
}

/** The approving body's act on a revocation of the consequence (the body its policy names), dated today. */
export function approvalOf(
  context: CycleContext,
  consequence: NonNullable<ReturnType<typeof consequenceToRehearse>>['consequence'],
): { body: string; documentNumber: string; approvedOn: string } {
  const body = consequence.actions.approval?.by?.zh ?? approvingBodyOf(context);
  return { body, documentNumber: `演练撤〔${context.cycleYear}〕1号`, approvedOn: context.clock.today };
}

/** Finance's demand letter of a clawback case: due in 30 days, a reminder a week before. */
export const demandBody = (context: CycleContext): Json => ({
  dueOn: addDays(context.clock.today, 30),
  remindDaysBefore: 7,
});

async function clawback(context: CycleContext, revocationId: string): Promise<void> {
  const finance = context.token('finance');
  const funds = context.api('/funds/clawback-cases');
  const found = await until('the clawback case in funds', async () => {
    const cases = (await context.client.expect(200, 'GET', funds, { token: finance })).cases as Json[];
    return cases.find((c) => c.revocationId === revocationId);
  });
  context.record('clawback case opened', `${found.amountFen} fen receivable`, found, {
    caseId: found.id,
    status: found.status,
    amountFen: found.amountFen,
  });
  const demanded = await context.client.expect(200, 'POST', `${funds}/${found.id}/demand`, {
    token: finance,
    body: demandBody(context),
  });
  context.record('demand letter', `due ${demanded.dueOn}`, demanded, {
    status: demanded.status,
    dueOn: demanded.dueOn,
  });
  await context.clock.moveDays(20);
  const recovered = await context.client.expect(201, 'POST', `${funds}/${found.id}/recoveries`, {
    token: finance,
    body: { transferId: randomUUID(), amountFen: found.outstandingFen, receipt: `缴款书 演练-${context.cycleYear}` },
  });
  context.record(
    'clawback recovered',
    `${recovered.recoveredFen} fen, ${recovered.outstandingFen} outstanding`,
    recovered,
    {
      status: recovered.status,
      recoveredFen: recovered.recoveredFen,
      outstandingFen: recovered.outstandingFen,
    },
  );
}

/** The next cycle, a cycle length later: the banned applicant applies and is refused with the article. */
export async function nextCycleRefusal(
  context: CycleContext,
  banned: RehearsalApplicant,
  successor?: Policy,
): Promise<void> {
  const years = context.policy.cycle.years ?? 1;
  const opensOn = addMonths(context.cycleOpensOn, 12 * years);
  const target = new Date(`${opensOn}T02:00:00Z`);
  if (target.getTime() > context.clock.now.getTime()) await context.clock.moveTo(target);
  const closed = await context.client.expect(200, 'POST', context.api(`/cycles/${context.cycleNumber}/close`), {
    token: context.token('office'),
  });
  context.record(`cycle ${context.cycleNumber} closed`, closed.status as string, closed, {});
  const year = Number(context.clock.today.slice(0, 4));
  const open = () =>
    context.client.call('POST', context.api('/cycles'), {
      token: context.token('office'),
      body: { year, opensOn: context.clock.today, closesOn: addMonths(context.clock.today, 3) },
    });
  let opened = await open();
  if (opened.status === 409 && opened.body.reason === 'regulation_expired') {
    context.record(
      'next cycle refused: the regulation expired',
      `last day in force ${opened.body.lastDayInForce}`,
      opened.body,
      {
        status: 409,
      },
    );
    if (!successor) return;
    const loaded = await context.client.expect(200, 'PUT', context.api('/policy'), {
      token: context.operatorToken,
      body: { policy: successor },
    });
    context.record(
      'successor regulation loaded',
      `policy v${loaded.version}: ${successor.regulation.title.zh} (${successor.regulation.issued})`,
      loaded,
      { version: loaded.version },
      successor.regulation.inForce.basis ?? null,
    );
    opened = await open();
  }
  if (opened.status !== 201) throw new UnexpectedAnswer('POST /cycles', opened);
  const cycle = opened.body;
  context.record(
    `cycle ${cycle.number} opened`,
    `${year}, ${context.clock.today}, policy v${cycle.policyVersion}`,
    cycle,
    {
      number: cycle.number,
      policyVersion: cycle.policyVersion,
    },
  );
  const refused = await context.client.call('POST', context.api('/applications'), {
    token: context.token('office'),
    body: {
      applicantId: banned.applicantId,
      cycleNumber: cycle.number,
      facts: {
        registeredInJurisdiction: true,
        yearsOperating: 9,
        incidents: [],
        lossYears: [],
        spotChecksPassedConsecutiveYears: 3,
      },
    },
  });
  context.record(
    'banned applicant applies again',
    refused.status === 422 ? `refused: ${refused.body.detail}` : `NOT refused (${refused.status})`,
    refused.body,
    { status: refused.status, allowedFrom: refused.body.allowedFrom },
  );
}
