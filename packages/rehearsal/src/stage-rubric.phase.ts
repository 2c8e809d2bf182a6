import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';

/**
 * A REHEARSAL STAND-IN for a standard the platform does not encode (xinzhou-city 第十三条: DB14/T 1463, 1464; ADR
 * 0035). The categories, items and points are made up so that a rehearsal can score; they are NOT the standard's, and
 * the title, the source and the note say so. A real office loads the rubric from the standard's text.
 */
export function standInRubric(standard: string, applicantKind: string): Json {
  return {
    standard,
    title: { zh: `演练替代评分表（非 ${standard} 原文）`, en: `Rehearsal stand-in (not ${standard})` },
    appliesTo: [applicantKind],
    step: 1,
    total: 100,
    categories: [
      {
        key: 'rehearsal-a',
        clause: '演练-1',
        name: { zh: '演练类目一', en: 'Rehearsal category one' },
        points: 60,
        items: [
          { key: 'r1.1', clause: '演练-1.1', name: { zh: '演练评分项一', en: 'Rehearsal item one' }, points: 40 },
          { key: 'r1.2', clause: '演练-1.2', name: { zh: '演练评分项二', en: 'Rehearsal item two' }, points: 20 },
        ],
      },
      {
        key: 'rehearsal-b',
        clause: '演练-2',
        name: { zh: '演练类目二', en: 'Rehearsal category two' },
        points: 40,
        items: [
          { key: 'r2.1', clause: '演练-2.1', name: { zh: '演练评分项三', en: 'Rehearsal item three' }, points: 40 },
        ],
      },
    ],
    source: {
      document: `演练替代数据，非 ${standard} 原文（标准文本未转录）`,
      citation: '演练用表，无出处',
      url: null,
    },
    note: `REHEARSAL STAND-IN: made-up categories and points, not ${standard}. Load the standard's own before a real cycle.`,
  };
}

/**
 * Where a scored stage refuses to open because the standard it scores by is not loaded (422 naming `standard` and
 * `applicantKind`), the office loads the rehearsal's stand-in for it (marked as such) and answers true; else false.
 */
export async function loadStandInRubric(context: CycleContext, refusal: Json): Promise<boolean> {
  const standard = refusal.standard;
  const kind = refusal.applicantKind;
  if (typeof standard !== 'string' || typeof kind !== 'string') return false;
  const loaded = await context.client.expect(201, 'POST', context.api('/scoring/loaded-rubrics'), {
    token: context.token('office'),
    body: standInRubric(standard, kind),
  });
  context.record(
    'rubric loaded: a rehearsal stand-in',
    `${standard} (${kind}) v${loaded.version}: NOT the standard's text`,
    loaded,
    { standard, applicantKind: kind, version: loaded.version, source: loaded.source },
    (refusal.basis as string | undefined) ?? null,
  );
  return true;
}

/**
 * Where the text names a standard without a number for an applicant kind (no rubric encoded or loadable), the office
 * records the rubric the stage scores it by, with its reason (a recorded decision): the first the platform encodes.
 */
export async function recordStageRubrics(context: CycleContext, stage: Json): Promise<void> {
  const office = context.token('office');
  const route = context.api(`/scoring/cycles/${context.cycleNumber}/stages/${stage.stageKey}/rubric`);
  const kinds = [...new Set((stage.entrants as Json[]).map((e) => e.applicantKind as string))];
  for (const kind of kinds) {
    const found = await context.client.call('GET', `${route}?applicantKind=${kind}`, { token: office });
    if (found.status !== 409) continue;
    const encoded = (await context.client.expect(200, 'GET', context.api('/scoring/rubrics'), { token: office }))
      .rubrics as Json[];
    const chosen = encoded[0];
    if (!chosen) return;
    const named = context.policy.scoring.standards.find((s) => s.appliesTo.includes(kind as 'individual'));
    const reason = `办法所称“${named?.title.zh ?? '评价标准'}”无编号、平台未编码：办公室决定本环节按 ${chosen.standard} 评分（演练中的决定）`;
    const recorded = await context.client.expect(200, 'PUT', route, {
      token: office,
      body: { applicantKind: kind, rubricKey: chosen.key, rubricVersion: chosen.version, reason },
    });
    context.record(
      `${(stage.name as Json).zh}: rubric recorded by the office`,
      `${kind}: ${recorded.standard} v${recorded.version}`,
      recorded,
      { applicantKind: kind, standard: recorded.standard, reason },
      `${context.key} ${context.policy.scoring.basis}`,
    );
  }
}
