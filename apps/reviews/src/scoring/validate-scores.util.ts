import type { FieldError, ScoreItemInput } from '@laurel/contracts';
import type { Rubric, RubricItem } from '@laurel/policy';

/** The rubric's items by key. */
export function rubricItems(rubric: Rubric): Map<string, RubricItem> {
  return new Map(rubric.categories.flatMap((category) => category.items.map((item) => [item.key, item] as const)));
}

/** The rubric's maximum (the sum of its categories' points). */
export function rubricMax(rubric: Rubric): number {
  return rubric.categories.reduce((sum, category) => sum + category.points, 0);
}

/**
 * Every problem with the scores given, each naming its field (`body.items[i].score`, `body.items[i].itemKey`): an item
 * the rubric does not have, a score out of 0..item points, a score off the rubric's step, an item given twice. Pure.
 */
export function validateScores(rubric: Rubric, items: readonly ScoreItemInput[]): FieldError[] {
  const known = rubricItems(rubric);
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  items.forEach((input, i) => {
    const item = known.get(input.itemKey);
    if (!item) {
      problems.push({
        field: `body.items[${i}].itemKey`,
        reason: {
          zh: `评分标准 ${rubric.key} v${rubric.version} 中没有条目“${input.itemKey}”`,
          en: `is not an item of rubric ${rubric.key} v${rubric.version}`,
        },
      });
      return;
    }
    if (seen.has(input.itemKey)) {
      problems.push({
        field: `body.items[${i}].itemKey`,
        reason: { zh: `条目“${input.itemKey}”重复`, en: 'is given twice' },
      });
    }
    seen.add(input.itemKey);
    if (input.score < 0 || input.score > item.points) {
      problems.push({
        field: `body.items[${i}].score`,
        reason: {
          zh: `条目 ${item.clause}（${item.name.zh}）的分数须在 0 至 ${item.points} 之间`,
          en: `must be between 0 and ${item.points} for item ${item.clause} (${item.name.en})`,
        },
      });
    } else if (Math.round(input.score / rubric.step) * rubric.step !== input.score) {
      problems.push({
        field: `body.items[${i}].score`,
        reason:
          rubric.step === 1
            ? { zh: '须为整数分', en: 'must be a whole number of points' }
            : { zh: `须以 ${rubric.step} 分为单位`, en: `must be in steps of ${rubric.step} points` },
      });
    }
  });
  return problems;
}

/** The items of the rubric not scored yet (a sheet is submitted only when every item has a score). */
export function unscoredItems(rubric: Rubric, scored: ReadonlySet<string>): string[] {
  return [...rubricItems(rubric).keys()].filter((key) => !scored.has(key));
}
