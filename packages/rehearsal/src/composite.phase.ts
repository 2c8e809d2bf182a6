import type { CycleContext } from './cycle-context';
import type { Json } from './gateway-client';

/**
 * A composite evaluation stage where the platform forms a composite of scored stages (linxia 第二十条): the weights the
 * text does not name recorded by the office with its reason (equal), the composition of a kind that skips a combined
 * stage likewise, then the ranking and the composite report. Answers false where the platform has no composite for
 * the policy (its report is then not driven).
 */
export async function compositeStage(context: CycleContext): Promise<boolean> {
  const office = context.token('office');
  const route = context.api(`/scoring/cycles/${context.cycleNumber}/composite`);
  let answer = await context.client.call('GET', route, { token: office });
  if (answer.status !== 200) return false;
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
  const report = await context.client.call('GET', `${route}/report`, { token: office });
  context.record(
    'composite report',
    report.status === 200 ? 'downloaded' : `not available (${report.status})`,
    answer.body,
    { status: report.status },
  );
  return true;
}
