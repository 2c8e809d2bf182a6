/**
 * A ranking by score, highest first, with ties explicit: scores equal to two decimals share a rank (1, 2, 2, 4) and
 * each tied row names the others. No tie is broken here: who goes first among equals is for the people who decide
 * (the office's cut, the leading group's deliberation).
 */
export interface Scored {
  readonly applicationId: string;
  readonly score: number;
}

export interface RankedRow extends Scored {
  readonly rank: number;
  readonly tiedWith: readonly string[];
}

const cents = (score: number) => Math.round(score * 100);

export function rankApplications(entries: readonly Scored[]): RankedRow[] {
  const sorted = [...entries].sort(
    (a, b) => cents(b.score) - cents(a.score) || a.applicationId.localeCompare(b.applicationId),
  );
  const rows: RankedRow[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && cents((sorted[j + 1] as Scored).score) === cents((sorted[i] as Scored).score))
      j += 1;
    const group = sorted.slice(i, j + 1);
    for (const entry of group) {
      rows.push({
        ...entry,
        rank: i + 1,
        tiedWith: group.filter((other) => other !== entry).map((other) => other.applicationId),
      });
    }
    i = j + 1;
  }
  return rows;
}

/**
 * The composite of several stages' scores: the weighted mean (weights as the policy or the office's recorded
 * decision give them). An application lacking a stage has no composite; it is returned in `incomplete` with the
 * stages it lacks, never scored as zero.
 */
export function compositeScores(
  stageScores: Readonly<Record<string, ReadonlyMap<string, number>>>,
  weights: Readonly<Record<string, number>>,
): { scores: Scored[]; incomplete: { applicationId: string; missing: string[] }[] } {
  const stages = Object.keys(weights);
  const applications = new Set<string>();
  for (const stage of stages) for (const id of stageScores[stage]?.keys() ?? []) applications.add(id);
  const totalWeight = stages.reduce((sum, stage) => sum + (weights[stage] as number), 0);
  const scores: Scored[] = [];
  const incomplete: { applicationId: string; missing: string[] }[] = [];
  for (const applicationId of [...applications].sort()) {
    const missing = stages.filter((stage) => !stageScores[stage]?.has(applicationId));
    if (missing.length > 0) {
      incomplete.push({ applicationId, missing });
      continue;
    }
    const sum = stages.reduce(
      (acc, stage) => acc + (weights[stage] as number) * (stageScores[stage]?.get(applicationId) as number),
      0,
    );
    scores.push({ applicationId, score: sum / totalWeight });
  }
  return { scores, incomplete };
}
