import { anIndividual, anOrganisation, idNumberFor } from '@laurel/testing';
import type { CycleContext, RehearsalApplicant } from './cycle-context';
import { type Json, until } from './gateway-client';
import { basisOf } from './rehearsal-step';

/** Declared facts that meet the launch policies' conditions (registered there, 8 years, no incident, no loss). */
export const FACTS = {
  registeredInJurisdiction: true,
  yearsOperating: 8,
  qualitySystemYears: 8,
  incidents: [],
  lossYears: [],
  spotChecksPassedConsecutiveYears: 3,
};

const APPLICANT_PASSWORD = 'rehearsal-password-1';

/** The numbers of the generated applicants: unique per jurisdiction so that credit codes never collide. */
const firstNumber = (key: string): number => 1000 + ([...key].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 90) * 100;

/**
 * Intake to acceptance for `count` generated applicants of the kinds the policy admits, following each application's
 * plan as the applications service answers it (the pinned policy's steps, in order, with their notices): internal
 * publicity, the no-state-secret statement where the text asks for it, submission (to the rehearsal's recommending
 * department where the plan has a recommendation step, else straight to the office), the recommender's review where
 * there is one, the office's formal review with the decisions the text leaves to people, the acceptance list.
 */
export async function intake(context: CycleContext, count: number): Promise<void> {
  const { client } = context;
  const office = context.token('office');
  const kinds = context.policy.applicants.kinds.map((k) => k.kind);
  const base = firstNumber(context.key);
  for (let i = 0; i < count; i += 1) {
    const n = base + i;
    // Organisations first (every launch jurisdiction admits them); an individual where the text admits one.
    const kind = kinds.includes('individual') && i === count - 1 && kinds.length > 1 ? 'individual' : kinds[0];
    const body =
      kind === 'individual'
        ? anIndividual(context.key, n, { name: `${context.key} 候选人 ${n}`, idNumber: idNumberFor(n % 1000) })
        : anOrganisation(context.key, n, { name: `${context.key} 申报单位 ${n}` });
    // Each applicant registers itself with an account of its own (the winner reports the use of its money with it).
    const username = `${context.key}-applicant-${n}`;
    await client.expect(201, 'POST', context.api('/users'), {
      token: context.operatorToken,
      body: { username, password: APPLICANT_PASSWORD, displayName: body.name, roles: ['applicant'] },
    });
    const accountToken = await client.login(username, APPLICANT_PASSWORD);
    const applicant = await client.expect(201, 'POST', context.api('/applicants'), { token: accountToken, body });
    const application = await client.expect(201, 'POST', context.api('/applications'), {
      token: office,
      body: { applicantId: applicant.id, cycleNumber: context.cycleNumber, facts: FACTS },
    });
    context.applicants.push({
      n,
      name: body.name as string,
      kind: kind as RehearsalApplicant['kind'],
      applicantId: applicant.id as string,
      applicationId: application.id as string,
      tier: null,
      titleId: null,
      accountToken,
    });
    context.record('application started', `${body.name} (${kind})`, application, {
      applicationId: application.id,
      status: application.status,
      eligibility: (application.eligibility as Json).outcome,
    });
  }
  const first = await applicationOf(context, context.applicants[0] as RehearsalApplicant);
  const plan = first.plan as { kind: string; basis: string; notice: Json | null }[];
  const toRecommender = plan.some((step) => step.kind === 'recommendation');
  for (const step of plan) {
    if (step.kind === 'internal_publicity') await internalPublicity(context, step.basis);
    else if (step.kind === 'submission') await submission(context, toRecommender);
    else if (step.kind === 'recommendation') await recommendation(context, step.notice !== null);
    else if (step.kind === 'formal_review') await formalReview(context);
    else if (step.kind === 'acceptance') await acceptance(context, step.notice, toRecommender);
  }
  for (const applicant of context.applicants) {
    const accepted = await statusBecomes(context, applicant, 'accepted');
    context.record('accepted', applicant.name, accepted, {
      applicationId: applicant.applicationId,
      status: 'accepted',
    });
  }
}

export const applicationOf = (context: CycleContext, applicant: RehearsalApplicant) =>
  context.client.expect(200, 'GET', context.api(`/applications/${applicant.applicationId}`), {
    token: context.token('office'),
  });

/** Waits until the application has the status (what a notice's close decides arrives asynchronously). */
export const statusBecomes = (context: CycleContext, applicant: RehearsalApplicant, status: string) =>
  until(`${applicant.name} ${status}`, async () => {
    const application = await applicationOf(context, applicant);
    return application.status === status ? application : undefined;
  });

const action = (context: CycleContext, applicant: RehearsalApplicant, step: string, body: Json, role = 'office') =>
  context.client.expect(200, 'POST', context.api(`/applications/${applicant.applicationId}/${step}`), {
    token: context.token(role),
    body,
  });

/** Moves the clock to just after the latest `endsAt`/`closesAt` of the answers. */
async function moveAfter(context: CycleContext, instants: string[]): Promise<void> {
  const last = Math.max(...instants.map((i) => new Date(i).getTime()));
  await context.clock.moveTo(new Date(last + 1000));
  await context.clock.moveDays(1);
}

async function internalPublicity(context: CycleContext, basis: string): Promise<void> {
  const ends: string[] = [];
  for (const applicant of context.applicants) {
    const answer = await action(context, applicant, 'internal-publicity', {
      startedOn: context.clock.today,
      evidence: '单位内部公示照片及公示期间无异议的说明',
    });
    const publicity = answer.publicity as Json;
    ends.push(publicity.endsAt as string);
    context.record('internal publicity', `${applicant.name} until ${publicity.lastDay}`, publicity, {}, basis);
  }
  await moveAfter(context, ends);
}

/** Submission: to the rehearsal's recommending department where the plan has a recommender, else to the office. */
async function submission(context: CycleContext, toRecommender: boolean): Promise<void> {
  for (const applicant of context.applicants) {
    if (context.policy.conduct.noStateSecrets) {
      const statement = await action(context, applicant, 'state-secret-statement', { noStateSecrets: true });
      context.record(
        'no-state-secret statement',
        applicant.name,
        statement,
        {},
        basisOf(statement) ?? context.policy.conduct.noStateSecrets,
      );
    }
    const submitted = await action(
      context,
      applicant,
      'submit',
      toRecommender ? { recommenderId: context.recommenderId } : {},
    );
    context.record(
      toRecommender ? 'submitted to the recommender' : 'submitted to the office',
      `${applicant.name}: ${submitted.status}`,
      submitted,
    );
  }
}

async function recommendation(context: CycleContext, noticed: boolean): Promise<void> {
  const closes: string[] = [];
  // Where the plan has no step of its own for it, the application goes to its recommender here.
  const status = (await applicationOf(context, context.applicants[0] as RehearsalApplicant)).status as string;
  if (status === 'draft' || status === 'internal_publicity') {
    await submission(context, true);
  }
  for (const applicant of context.applicants) {
    const reviewed = await action(
      context,
      applicant,
      'review',
      { decision: 'recommend', text: '材料完整、真实，同意推荐。', publishedOn: context.clock.today },
      'recommender',
    );
    for (const notice of reviewed.notices as Json[]) closes.push(notice.closesAt as string);
    context.record('recommended by the department', `${applicant.name}: ${reviewed.status}`, reviewed);
  }
  if (noticed && closes.length > 0) await moveAfter(context, closes);
  for (const applicant of context.applicants) await statusBecomes(context, applicant, 'recommended');
}

async function formalReview(context: CycleContext): Promise<void> {
  for (const applicant of context.applicants) {
    const current = await applicationOf(context, applicant);
    for (const finding of (current.eligibility as { findings: Json[] }).findings) {
      if (finding.outcome !== 'needs_decision') continue;
      const decided = await action(context, applicant, 'decisions', {
        ruleId: finding.ruleId,
        outcome: 'pass',
        reason: '经核实符合（演练）',
      });
      context.record(
        'eligibility decided by the office',
        `${applicant.name}: ${finding.ruleId} pass`,
        decided,
        {},
        finding.basis as string,
      );
    }
    const reviewed = await action(context, applicant, 'formal-review', {
      decision: 'pass',
      reasons: '材料齐全，符合条件',
    });
    context.record('formal review passed', `${applicant.name}: ${reviewed.status}`, reviewed);
  }
}

async function acceptance(context: CycleContext, notice: Json | null, toRecommender: boolean): Promise<void> {
  // Where the plan names no submission of its own, the applications are submitted here: with no recommender in the
  // text, straight to the office.
  const status = (await applicationOf(context, context.applicants[0] as RehearsalApplicant)).status;
  if (status === 'draft' || status === 'internal_publicity') await submission(context, toRecommender);
  // Where the plan names no formal review of its own, the office's review comes before the acceptance list: of what
  // the recommender recommended, or of what was submitted where the text has no recommender.
  const reviewable = toRecommender ? 'recommended' : 'submitted';
  if ((await applicationOf(context, context.applicants[0] as RehearsalApplicant)).status === reviewable) {
    await formalReview(context);
  }
  if (!notice) return;
  const body: Json = {
    applicationIds: context.applicants.map((a) => a.applicationId),
    publishedOn: context.clock.today,
  };
  // Where the text gives no period, the office sets one (a recorded decision): ten calendar days.
  if (notice.count === null) body.period = { count: 10, unit: 'calendar_days' };
  const list = await context.client.expect(201, 'POST', context.api(`/cycles/${context.cycleNumber}/acceptance-list`), {
    token: context.token('office'),
    body,
  });
  context.record(
    'acceptance list noticed',
    `${context.applicants.length} applications`,
    list,
    {},
    basisOf(list) ?? (notice.basis as string),
  );
  const closes: string[] = [];
  for (const applicant of context.applicants) {
    for (const n of (await applicationOf(context, applicant)).notices as Json[]) closes.push(n.closesAt as string);
  }
  await moveAfter(context, closes);
}
