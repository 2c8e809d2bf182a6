import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';

/**
 * A composite evaluation stage. Where the platform forms a composite of scored stages (linxia 第二十条): the weights the
 * text does not name recorded by the office with its reason (equal), the composition of a kind that skips a combined
 * stage likewise, then the ranking and the composite report. Where nothing is scored (ili 第十六条, xinzhou-district
 * 第十三条): the office's assessment of each application, then the report. Answers false where the platform has no
 * composite for the policy (its report is then not driven).
 */
export async function compositeStage(context: CycleContext): Promise<boolean> {
  const office = context.token('office');
  const route = context.api(`/scoring/cycles/${context.cycleNumber}/composite`);
  let answer = await context.client.call('GET', route, { token: office });
  if (answer.status !== 200) return false;
  if (answer.body.method === 'assessed') {
    await assessedComposite(context, answer.body);
    return true;
  }
  let composite = answer.body;
  if (composite.weights === null) {
    const weights = Object.fromEntries((composite.stages as string[]).map((s) => [s, 1]));
    const reason = '办法未规定各环节权重：办公室决定等权综合（演练中的决定）';
    composite = await context.client.expect(200, 'PUT', `${route}/weights`, {
      token: office,
      body: { weights, reason },
    });
    context.record('composite weights decided by the office', JSON.stringify(weights), composite, { weights, reason });
  }
  for (const kind of ['organisation', 'individual'] as const) {
    const skipping = (composite.incomplete as Json[]).find(
      (i) =>
        i.skipped !== null && context.applicants.some((a) => a.applicationId === i.applicationId && a.kind === kind),
    );
    if (!skipping) continue;
    const skipped = (skipping.skipped as { stages: string[]; basis: string }).stages;
    const weights = Object.fromEntries(
      (composite.stages as string[]).filter((s) => !skipped.includes(s)).map((s) => [s, 1]),
    );
    const reason = `办法未规定跳过${skipped.join('、')}的申报如何综合：办公室决定按其参加的环节等权综合（演练中的决定）`;
    composite = await context.client.expect(200, 'PUT', `${route}/kinds`, {
      token: office,
      body: { applicantKind: kind, weights, reason },
    });
    context.record(
      'composite of a kind decided by the office',
      `${kind}: ${JSON.stringify(weights)}`,
      composite,
      { applicantKind: kind, weights, reason },
      (skipping.skipped as Json).basis as string,
    );
  }
  answer = await context.client.call('GET', route, { token: office });
  const ranking = (answer.body.ranking as Json[] | undefined) ?? [];
  context.record('composite ranked', `${ranking.length} ranked`, answer.body, {
    ranking,
    pending: answer.body.pending,
  });
  await reports(context, answer.body);
  return true;
}

/**
 * The composite where nothing is scored: the office records for each application that went on from the last review
 * stage whether it recommends it, its opinion and its reason (the text gives no criteria: a recorded decision) — the
 * rehearsal recommends those it plans a tier for. The list it forms is the vote's slate or the leading group's input.
 */
async function assessedComposite(context: CycleContext, formed: Json): Promise<void> {
  const route = context.api(`/scoring/cycles/${context.cycleNumber}/composite`);
  let composite = formed;
  for (const missing of formed.incomplete as Json[]) {
    const applicant = context.applicants.find((a) => a.applicationId === missing.applicationId);
    if (!applicant) continue;
    const recommended = applicant.tier !== null;
    const body = {
      outcome: recommended ? 'recommended' : 'not_recommended',
      opinion: recommended
        ? '各环节评审意见均为通过，质量管理成效明显（演练）'
        : '评审意见通过，但名额有限，综合比较后不予推荐（演练）',
      reason: '办法未规定综合评审的标准：办公室依各环节评审意见记录结论（演练中的决定）',
    };
    composite = await context.client.expect(200, 'PUT', `${route}/assessments/${applicant.applicationId}`, {
      token: context.token('office'),
      body,
    });
    context.record(`composite assessment recorded by the office`, `${applicant.n}: ${body.outcome}`, composite, {
      applicationId: applicant.applicationId,
      ...body,
    });
  }
  const assessments = composite.assessments as Json[];
  context.compositeList = assessments.filter((a) => a.outcome === 'recommended').map((a) => a.applicationId as string);
  context.record(
    'composite formed',
    `${assessments.length} assessed, ${context.compositeList.length} recommended`,
    composite,
    { method: 'assessed', recommended: context.compositeList, pending: composite.pending },
  );
  await reports(context, composite);
}

/** The composite report downloaded by the office, as HTML and as PDF. */
async function reports(context: CycleContext, composite: Json): Promise<void> {
  const route = context.api(`/scoring/cycles/${context.cycleNumber}/composite`);
  const office = context.token('office');
  const report = await context.client.call('GET', `${route}/report`, { token: office });
  const pdf = await context.client.call('GET', `${route}/report.pdf`, { token: office });
  const html = typeof report.body.text === 'string' ? report.body.text : '';
  context.record(
    'composite report',
    report.status === 200 ? 'downloaded' : `not available (${report.status})`,
    composite,
    {
      status: report.status,
      pdfStatus: pdf.status,
      names: context.applicants.filter((a) => html.includes(a.name)).map((a) => a.n),
    },
  );
}
