import type {
  AccidentArea,
  AccidentSeverity,
  AccidentThreshold,
  ConsequenceRule,
  EligibilityRule,
  LocalizedText,
} from './policy.schema';

/** An accident as recorded: its grade and area, when known. */
export interface Accident {
  readonly severity?: AccidentSeverity;
  readonly area?: AccidentArea;
}

/** meets: at or above a threshold the rule names; below: under every one; unknown: the grade or area is not given. */
export type AccidentMatch = 'meets' | 'below' | 'unknown';

const rank: Readonly<Record<AccidentSeverity, number>> = { general: 0, larger: 1, major: 2, especially_major: 3 };

export const severityNames: Readonly<Record<AccidentSeverity, LocalizedText>> = {
  general: { zh: '一般', en: 'general' },
  larger: { zh: '较大', en: 'larger' },
  major: { zh: '重大', en: 'major' },
  especially_major: { zh: '特别重大', en: 'especially major' },
};

export const areaNames: Readonly<Record<AccidentArea, LocalizedText>> = {
  quality: { zh: '质量', en: 'quality' },
  safety: { zh: '安全', en: 'safety' },
  environment: { zh: '环保', en: 'environmental' },
  public_health: { zh: '公共卫生', en: 'public health' },
  food_safety: { zh: '食品安全', en: 'food safety' },
  work_safety: { zh: '安全生产', en: 'work safety' },
};

/** Whether a rule naming these kinds of incident or event speaks of accidents at all. */
export const namesAccidents = (kinds: readonly string[]): boolean =>
  kinds.some((kind) => kind === 'accident' || kind === 'major_accident' || kind === 'liability_accident');

/**
 * The thresholds a rule states; for a document written before accidents were graded, the reading it had then:
 * `major_accident` from `major`, any other accident of any grade.
 */
export function accidentThresholdsOf(
  rule: Extract<EligibilityRule, { kind: 'no_incidents' }> | ConsequenceRule,
): readonly AccidentThreshold[] {
  if (rule.accidents) return rule.accidents;
  const kinds: readonly string[] = 'incidents' in rule ? rule.incidents : rule.events;
  return [{ areas: null, atLeast: kinds.includes('major_accident') ? 'major' : 'general', basis: rule.basis }];
}

/** The grade of a recorded accident: its own, or `major` for one recorded as a `major_accident`. */
export const severityOf = (kind: string, accident: Accident): AccidentSeverity | undefined =>
  accident.severity ?? (kind === 'major_accident' ? 'major' : undefined);

function areaMatch(threshold: AccidentThreshold, area: AccidentArea | undefined): AccidentMatch {
  if (threshold.areas === null) return 'meets';
  if (area === undefined) return 'unknown';
  const covered = threshold.areas.includes(area) || (area === 'work_safety' && threshold.areas.includes('safety'));
  return covered ? 'meets' : 'below';
}

/**
 * Compares an accident with the thresholds a rule states: it counts when it is of a named area (or the rule names
 * every area) and at least as severe as that threshold's grade. Unknown when a threshold could count it but its
 * grade or area is not given (a person or more data decides).
 */
export function matchAccident(thresholds: readonly AccidentThreshold[], accident: Accident): AccidentMatch {
  let unknown = false;
  for (const threshold of thresholds) {
    const area = areaMatch(threshold, accident.area);
    if (area === 'below') continue;
    if (accident.severity === undefined) {
      if (threshold.atLeast === 'general' && area === 'meets') return 'meets';
      unknown = true;
      continue;
    }
    if (rank[accident.severity] < rank[threshold.atLeast]) continue;
    if (area === 'meets') return 'meets';
    unknown = true;
  }
  return unknown ? 'unknown' : 'below';
}

/** "重大以上各类事故" / "accidents of any kind graded major or worse", for reasons and `policy explain`. */
export function describeThreshold(threshold: AccidentThreshold): LocalizedText {
  const grade = severityNames[threshold.atLeast];
  const areas = threshold.areas;
  const zhAreas = areas === null ? '各类' : areas.map((area) => areaNames[area].zh).join('、');
  const enAreas =
    areas === null ? 'accidents of any kind' : `${areas.map((area) => areaNames[area].en).join(' or ')} accidents`;
  return threshold.atLeast === 'general'
    ? { zh: `${zhAreas}事故（不论等级）`, en: `${enAreas}, whatever their grade` }
    : { zh: `${grade.zh}以上${zhAreas}事故`, en: `${enAreas} graded ${grade.en} or worse` };
}
