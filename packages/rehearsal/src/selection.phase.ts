import { clearance } from './clearance.phase';
import { compositeStage } from './composite.phase';
import type { CycleContext } from './cycle-context';
import { type Json, UnexpectedAnswer, until } from './gateway-client';
import { scoreStage } from './scoring.phase';
import { loadStandInRubric } from './stage-rubric.phase';
import { vote } from './vote.phase';

type Stage = CycleContext['policy']['procedure']['stages'][number];

/** Stage kinds the reviews service runs with a panel, opened and closed by the office. */
export const PANEL_KINDS = new Set(['material_review', 'defense', 'onsite_review']);

/**
 * What happens after acceptance, stage by stage in the policy's order: the panel stages opened with the policy's
 * entrants and closed with who went on, the deliberation that decides the tiers, the candidate list published, and
 * each notice the policy names for a stage opened and waited out. Stages the driver cannot run yet are recorded as
 * such (`not driven`), never skipped silently.
 */
export async function selection(context: CycleContext, tiers: readonly (string | null)[]): Promise<void> {
  const stages = [...context.policy.procedure.stages].sort((a, b) => a.order - b.order);
  const afterAcceptance = stages.filter(
    (s) =>
      ![
        'internal_publicity',
        'submission',
        'recommendation',
        'formal_review',
        'acceptance',
        'approval',
        'commendation',
      ].includes(s.kind),
  );
  context.applicants.forEach((applicant, i) => {
    applicant.tier = tiers[i] ?? null;
  });
  for (const stage of afterAcceptance) {
    if (PANEL_KINDS.has(stage.kind)) await panelStage(context, stage);
    else if (stage.kind === 'candidate_list') await candidateList(context, stage, stages);
    else if (stage.kind === 'vote') await vote(context);
    else if (stage.kind === 'background_clearance') await clearance(context, stage);
    else if (stage.kind === 'deliberation') {
      if (!context.deliberated) await deliberation(context);
    } else if (stage.kind === 'proposed_winners') await publishList(context);
    else if (stage.kind === 'composite_evaluation' && (await compositeStage(context))) {
      // The composite the platform forms of the scored stages, ranked and reported.
    } else
      context.record(
        `${stage.name.zh}`,
        'not driven by the rehearsal yet',
        undefined,
        { notDriven: stage.kind },
        stage.basis,
      );
    await notices(context, stage);
  }
  await publishList(context);
}

/**
 * The reviews service learns of accepted applications from the applications service's events: until it has them all
 * (under load, a moment after the acceptance list), the office's console does not list them and opening would refuse.
 */
async function acceptedKnown(context: CycleContext, stage: Stage): Promise<void> {
  const office = context.token('office');
  const expected = context.applicants.map((a) => a.applicationId);
  await until(`the reviews service to know the ${expected.length} accepted applications`, async () => {
    const list = await context.client.expect(200, 'GET', context.api(`/cycles/${context.cycleNumber}/review-stages`), {
      token: office,
    });
    const planned = (list.stages as Json[]).find((s) => s.stageKey === stage.key);
    const found = new Set(((planned?.entryFindings as Json[] | undefined) ?? []).map((f) => f.applicationId));
    return expected.every((id) => found.has(id)) ? true : undefined;
  });
}

/**
 * A panel stage opened by the office, once the reviews service knows the accepted applications: where the text is
 * silent on who enters, the office lists them with its reason; where the standard it scores by is not loaded, the
 * rehearsal's stand-in. Answers the stage as opened.
 */
export async function openPanelStage(context: CycleContext, stage: Stage): Promise<Json> {
  const office = context.token('office');
  await acceptedKnown(context, stage);
  const route = context.api(`/cycles/${context.cycleNumber}/review-stages/${stage.key}/open`);
  let body: Json = {};
  let answer = await context.client.call('POST', route, { token: office, body });
  // A refusal the office answers, then the same request again: at most one per applicant kind and the entrants.
  for (let attempt = 0; attempt < 4 && answer.status !== 201; attempt += 1) {
    const officeDecides = ((answer.body.errors as Json[] | undefined) ?? []).some((e) => e.field === 'body.entrants');
    if (answer.status === 400 && officeDecides) {
      // The text is silent on who enters: the office lists them with its reason (a recorded decision).
      const reason = '办法未规定进入条件：办公室决定上一环节的申报全部进入（演练）';
      body = {
        entrants: context.applicants.filter((a) => !a.stopped).map((a) => ({ applicationId: a.applicationId, reason })),
        reason,
      };
    } else if (!(answer.status === 422 && (await loadStandInRubric(context, answer.body)))) break;
    answer = await context.client.call('POST', route, { token: office, body });
  }
  if (answer.status !== 201) throw new UnexpectedAnswer(`POST ${route}`, answer);
  const opened = answer.body;
  context.record(`${stage.name.zh}: opened`, `${(opened.entrants as Json[]).length} entrants`, opened, {
    stageId: opened.id,
  });
  return opened;
}

async function panelStage(context: CycleContext, stage: Stage): Promise<void> {
  const office = context.token('office');
  const opened = await openPanelStage(context, stage);
  const entrants = opened.entrants as Json[];
  const byCut = (await scoredStageKeys(context)).has(stage.key) ? await scoreStage(context, opened) : false;
  const closeBody = byCut ? {} : { wentOn: entrants.map((e) => e.applicationId), reason: '均通过本阶段（演练）' };
  const closed = await context.client.expect(200, 'POST', `/tenants/${context.key}/review-stages/${opened.id}/close`, {
    token: office,
    body: closeBody,
  });
  for (const entrant of closed.entrants as Json[]) {
    const applicant = context.applicants.find((a) => a.applicationId === entrant.applicationId);
    if (applicant && entrant.outcome === 'stopped') {
      applicant.stopped = true;
      applicant.tier = null;
    }
  }
  context.record(
    `${stage.name.zh}: closed`,
    `${(closed.entrants as Json[]).filter((e) => e.outcome === 'went_on').length} went on`,
    closed,
    {
      status: closed.status,
    },
  );
}

/** The stages the platform scores with sheets (the policy's, and those its scoring plan adds), asked once. */
export async function scoredStageKeys(context: CycleContext): Promise<Set<string>> {
  if (!context.scoredStages) {
    const listed = await context.client.expect(200, 'GET', context.api('/scoring/stages'), {
      token: context.token('office'),
    });
    context.scoredStages = new Set((listed.stages as Json[]).map((s) => s.key as string));
  }
  return context.scoredStages;
}

async function deliberation(context: CycleContext): Promise<void> {
  const recorded = await context.client.expect(201, 'POST', context.api('/deliberations'), {
    token: context.token('office'),
    body: {
      cycleNumber: context.cycleNumber,
      heldAt: context.clock.now.toISOString(),
      attendees: ['组长 演练甲', '副组长 演练乙', '成员 演练丙'],
      minutes: '审议评审结果，确定候选名单及奖项等级（演练）。',
      decisions: context.applicants
        .filter((a) => !a.stopped)
        .map((a) => ({
          applicationId: a.applicationId,
          tier: a.tier,
          ...(a.tier === null ? { reason: '综合考核排名靠后（演练）' } : {}),
        })),
    },
  });
  context.deliberated = true;
  context.record(
    `deliberation by ${recorded.body}`,
    context.applicants.map((a) => `${a.n}:${a.tier ?? '—'}`).join(' '),
    recorded,
    {
      deliberationId: recorded.id,
    },
  );
}

async function candidateList(context: CycleContext, stage: Stage, stages: Stage[]): Promise<void> {
  // Where no separate deliberation stage follows, the deliberation decides the list itself (xinzhou-district 第十四条).
  const laterDeliberation = stages.some((s) => s.kind === 'deliberation' && s.order > stage.order);
  if (laterDeliberation) {
    const proposal = await context.client.expect(
      200,
      'PUT',
      context.api(`/candidate-lists/${context.cycleNumber}/proposal`),
      {
        token: context.token('office'),
        body: {
          applicationIds: context.applicants.filter((a) => a.tier !== null).map((a) => a.applicationId),
          reason: '依据评审结果提出候选名单（演练）',
        },
      },
    );
    context.record(
      'candidates proposed by the office',
      `${(proposal.candidates as unknown[]).length} candidates (${proposal.source})`,
      proposal,
    );
    await deliberation(context);
  } else {
    await deliberation(context);
  }
  await publishList(context);
}

/** The candidate list published from the deliberation (once) and recorded by the awards service for the approval. */
async function publishList(context: CycleContext): Promise<void> {
  if (context.listPublished) return;
  context.listPublished = true;
  const published = await context.client.expect(201, 'POST', context.api(`/candidate-lists/${context.cycleNumber}`), {
    token: context.token('office'),
  });
  context.record('candidate list published', `${(published.entries as Json[]).length} candidates`, published, {
    listId: published.id,
  });
  const recorded = await until('the candidate list recorded by awards', async () => {
    const got = await context.client.call('GET', context.api(`/cycles/${context.cycleNumber}/candidate-list`), {
      token: context.token('office'),
    });
    return got.status === 200 ? got.body : undefined;
  });
  context.record('candidate list recorded for the approval', `list ${recorded.listId}`, recorded);
}

/** The notices the policy names for the stage: opened from the recorded list, waited out on the clock. */
async function notices(context: CycleContext, stage: Stage): Promise<void> {
  for (const notice of context.policy.procedure.notices.filter((n) => n.stage === stage.key && n.scope === 'public')) {
    // Where the text gives no period, the office sets one: seven calendar days.
    const period = notice.period ? {} : { period: { count: 7, unit: 'calendar_days' } };
    const opened = await context.client.expect(
      201,
      'POST',
      context.api(`/cycles/${context.cycleNumber}/candidate-notices`),
      {
        token: context.token('office'),
        body: { stage: stage.key, ...period },
      },
    );
    const deadline = (opened.notice as Json).deadline as Json;
    context.record(
      `notice: ${stage.name.zh}`,
      `${deadline.count} ${deadline.unit}, last day ${deadline.lastDay}`,
      opened,
      {
        noticeId: (opened.notice as Json).id,
        lastDay: deadline.lastDay,
        count: deadline.count,
        unit: deadline.unit,
      },
    );
    await context.clock.moveTo(new Date(`${deadline.lastDay}T16:00:01Z`));
    await context.clock.moveDays(1);
    const listed = await context.client.expect(
      200,
      'GET',
      context.api(`/cycles/${context.cycleNumber}/candidate-notices`),
      {
        token: context.token('office'),
      },
    );
    const mine = (listed.notices as Json[]).find((n) => n.noticeId === (opened.notice as Json).id) ?? {};
    context.record(
      `notice closed: ${stage.name.zh}`,
      `${mine.status ?? 'closed'}, ${(listed.standings as Json[] | undefined)?.length ?? 0} candidates held or removed`,
      opened,
      {
        notice: mine,
      },
    );
  }
}
