import { compositeScores, type Policy, type Scored } from '@laurel/policy';

type Kind = 'organisation' | 'individual';

/**
 * The stages of the composite each applicant kind skips by the policy's entry rule (linxia 第十九条: individuals skip the
 * defense), with the rule's article.
 */
export function skippedCompositeStages(
  policy: Policy,
  compositeStages: readonly string[],
): Map<Kind, { stages: string[]; basis: string }> {
  const skipped = new Map<Kind, { stages: string[]; basis: string }>();
  for (const stage of policy.procedure.stages) {
    if (!compositeStages.includes(stage.key) || !stage.entry) continue;
    for (const kind of ['organisation', 'individual'] as const) {
      if (stage.entry[kind] !== 'skips') continue;
      const entry = skipped.get(kind) ?? { stages: [], basis: `${policy.key} ${stage.entry.basis}` };
      entry.stages.push(stage.key);
      skipped.set(kind, entry);
    }
  }
  return skipped;
}

/**
 * The composite per applicant kind: the kinds with an office rule (weights over the stages they take) are combined by
 * it, the others by the composite's weights; an application lacking a stage of its weights stays incomplete.
 */
export function compositeByKind(
  stageScores: Readonly<Record<string, ReadonlyMap<string, number>>>,
  kinds: ReadonlyMap<string, string>,
  weights: Readonly<Record<string, number>>,
  kindWeights: ReadonlyMap<string, Readonly<Record<string, number>>>,
): { scores: Scored[]; incomplete: { applicationId: string; missing: string[] }[] } {
  const only = (keep: (kind: string | undefined) => boolean) =>
    Object.fromEntries(
      Object.entries(stageScores).map(([stage, scores]) => [
        stage,
        new Map([...scores].filter(([id]) => keep(kinds.get(id)))),
      ]),
    );
  const parts = [
    compositeScores(
      only((kind) => !kind || !kindWeights.has(kind)),
      weights,
    ),
  ];
  for (const [kind, own] of kindWeights)
    parts.push(
      compositeScores(
        only((k) => k === kind),
        own,
      ),
    );
  return {
    scores: parts.flatMap((part) => part.scores),
    incomplete: parts.flatMap((part) => part.incomplete).sort((a, b) => a.applicationId.localeCompare(b.applicationId)),
  };
}
