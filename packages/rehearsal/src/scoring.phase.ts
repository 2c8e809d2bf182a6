import { creditCodeFor } from '@laurel/testing';
import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';
import { recordStageRubrics } from './stage-rubric.phase';

const PASSWORD = 'rehearsal-password-1';
const EXPERTS = 3;

/** The rehearsal's experts (registered in the pool once, at the first scored stage). */
async function experts(context: CycleContext): Promise<{ id: string; token: string }[]> {
  if (context.experts.length > 0) return context.experts;
  for (let i = 1; i <= EXPERTS; i += 1) {
    const username = `${context.key}-expert-${i}`;
    const user = await context.client.expect(201, 'POST', context.api('/users'), {
      token: context.operatorToken,
      body: { username, password: PASSWORD, displayName: `专家${i}`, roles: ['expert'] },
    });
    const expert = await context.client.expect(201, 'POST', context.api('/experts'), {
      token: context.token('office'),
      body: {
        userId: user.id,
        name: `演练专家${i}`,
        specialities: ['卓越绩效'],
        // An employer unrelated to any applicant: no conflict of interest.
        currentEmployer: { creditCode: creditCodeFor(990 + i), name: `演练大学${i}` },
      },
    });
    context.experts.push({ id: expert.id as string, token: await context.client.login(username, PASSWORD) });
    context.record('expert registered', expert.name as string, expert);
  }
  return context.experts;
}

/**
 * The share of the rubric's maximum the index-th applicant scores: 85 %, then 5 points less each down to 35 % for the
 * eleventh, then ever more slowly towards 5 % (a run of many applicants, `npm run bench:country`): distinct, never below.
 */
export function shareOfMax(index: number): number {
  if (index <= 10) return 0.85 - 0.05 * index;
  return 0.05 + 0.3 / (1 + (index - 10) / 20);
}

/** Items of a rubric filled in order up to their points, adding up to `total`. */
export function itemsFor(rubric: Json, total: number): Json[] {
  let left = total;
  return (rubric.categories as Json[]).flatMap((category) =>
    (category.items as Json[]).map((item) => {
      const score = Math.min(item.points as number, left);
      left -= score;
      return { itemKey: item.key, score, strengths: '优势（演练）', improvements: '改进机会（演练）' };
    }),
  );
}

/** One expert's sheet to fill: its route, the expert's token and the applicant's place in the rehearsal's order. */
export interface SheetToFill {
  route: string;
  token: string;
  expertId: string;
  applicationId: string;
  index: number;
}

/**
 * A scored stage (opened already) made ready to score: the panel of the rehearsal's experts, the rubrics the office
 * records, the assignment solved; answers every sheet an expert was given.
 */
export async function assignSheets(context: CycleContext, stage: Json): Promise<SheetToFill[]> {
  const office = context.token('office');
  const pool = await experts(context);
  await recordStageRubrics(context, stage);
  await context.client.expect(200, 'PUT', context.api(`/review-stages/${stage.id}/panel`), {
    token: office,
    body: {
      name: `${stage.stageKey}评审组（演练）`,
      size: pool.length,
      sizeReason: '办法未规定评审组人数：办公室决定每份申报由全部演练专家评审',
      members: pool.map((e) => ({ expertId: e.id, minLoad: 0, maxLoad: context.applicants.length })),
    },
  });
  const solved = await context.client.expect(200, 'POST', context.api(`/review-stages/${stage.id}/assignments/solve`), {
    token: office,
  });
  const assignments = solved.assignments as Json[];
  context.record(`${(stage.name as Json).zh}: experts assigned`, `${assignments.length} assignments`, solved);
  return assignments.flatMap((assignment) => {
    const expert = pool.find((e) => e.id === assignment.expertId);
    const index = context.applicants.findIndex((a) => a.applicationId === assignment.applicationId);
    if (!expert || index < 0) return [];
    const route = context.api(
      `/scoring/cycles/${context.cycleNumber}/stages/${stage.stageKey}/applications/${assignment.applicationId}/sheet`,
    );
    return [
      { route, token: expert.token, expertId: expert.id, applicationId: assignment.applicationId as string, index },
    ];
  });
}

/** The total the index-th applicant scores on a rubric: its maximum times the applicant's share. */
export const sheetTotal = (rubric: Json, index: number): number =>
  Math.round((rubric.max as number) * shareOfMax(index));

/** A sheet's items for the index-th applicant: its total, filled in order. */
export const sheetItems = (rubric: Json, index: number): Json[] => itemsFor(rubric, sheetTotal(rubric, index));

/**
 * A scored stage (opened already): the panel of the rehearsal's experts, the assignment solved, every expert's sheet
 * for every application it was given, filled from the stage's rubric and submitted. The generated applicants score in
 * their order (the first highest), the same from every expert. Where the score decides who goes on (a cut), the office
 * records it; answers whether the stage then closes from the cut.
 */
export async function scoreStage(context: CycleContext, stage: Json): Promise<boolean> {
  const office = context.token('office');
  const sheets = await assignSheets(context, stage);
  for (const sheet of sheets) {
    const opened = await context.client.expect(200, 'GET', sheet.route, { token: sheet.token });
    const items = sheetItems(opened.rubric as Json, sheet.index);
    await context.client.expect(200, 'PUT', sheet.route, { token: sheet.token, body: { items } });
    await context.client.expect(200, 'POST', `${sheet.route}/submit`, { token: sheet.token });
  }
  const results = context.api(`/scoring/cycles/${context.cycleNumber}/stages/${stage.stageKey}/results`);
  const table = await context.client.expect(200, 'GET', results, { token: office });
  const ranking = (table.ranking as Json[] | undefined) ?? [];
  context.record(
    `${(stage.name as Json).zh}: scored`,
    `${sheets.length} sheets submitted; ${ranking.length} ranked`,
    table,
    { ranking },
  );
  if (!stage.closesByCut) return false;
  // The cut keeps all but the last (so the rehearsal shows one stopped by it), never fewer than one.
  const count = Math.max(1, context.applicants.filter((a) => !a.stopped).length - 1);
  const cut = await context.client.expect(200, 'POST', results.replace('/results', '/cut'), {
    token: office,
    body: { count, reason: `按得分取前${count}名进入下一环节（演练）` },
  });
  const decided = cut.cut as Json;
  context.record(
    `${(stage.name as Json).zh}: cut`,
    `${(decided.goesOn as unknown[]).length} go on, ${(decided.stops as unknown[]).length} stop`,
    decided,
    {
      goesOn: decided.goesOn,
      stops: decided.stops,
    },
  );
  return true;
}
