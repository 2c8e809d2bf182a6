import {
  accidentThresholdsOf,
  describeThreshold,
  matchAccident,
  namesAccidents,
  severityNames,
  severityOf,
} from './accident-threshold.util';
import { applicantFactNamesZh } from './applicant-fact-names';
import type {
  ApplicantFacts,
  ApplicantIncident,
  EligibilityFinding,
  EligibilityOptions,
  EligibilityOutcome,
  EligibilityResult,
} from './eligibility-facts';
import { isoDate } from './iso-date.util';
import type {
  ApplicantKind,
  EligibilityRule,
  IncidentKind,
  LegalForm,
  LocalizedText,
  OrganisationType,
  Policy,
} from './policy.schema';
import { legalFormLabels, organisationTypeLabels } from './policy-basics.schema';

const outcomeRank: Readonly<Record<EligibilityOutcome, number>> = { pass: 0, needs_decision: 1, missing: 2, fail: 3 };

const incidentNames: Readonly<Record<IncidentKind, LocalizedText>> = {
  accident: { zh: '事故', en: 'accident' },
  major_accident: { zh: '重大事故', en: 'major accident' },
  liability_accident: { zh: '责任事故', en: 'liability accident' },
  violation: { zh: '违法、违规、违纪行为', en: 'violation' },
  serious_violation: { zh: '严重违法违规行为', en: 'serious violation' },
  discredit_record: { zh: '失信记录', en: 'discredit record' },
  major_complaint: { zh: '重大投诉', en: 'major complaint' },
  export_quality_notice: { zh: '出口产品质量通报', en: 'export quality notice' },
  failed_spot_check: { zh: '质量监督抽查不合格', en: 'failed quality spot check' },
};

const ACCIDENTS: ReadonlySet<IncidentKind> = new Set(['accident', 'major_accident', 'liability_accident']);

/** Whether a fact of kind `fact` is of a kind a rule naming `ruleKind` covers (accidents: before their grade). */
function incidentMatches(ruleKind: IncidentKind, fact: IncidentKind): boolean {
  if (ruleKind === fact) return true;
  if (ruleKind === 'accident' || ruleKind === 'major_accident') return ACCIDENTS.has(fact);
  if (ruleKind === 'violation') return fact === 'serious_violation';
  return false;
}

type Relevance = 'counts' | 'unknown' | 'not';

/**
 * Whether a recorded incident counts under the rule: an accident only at or above a grade the rule's text names
 * (inner-mongolia 第十条（五）: any; ili 第八条（三）, linxia 第十条（六）, xinzhou-city 第十条: 重大), unknown when
 * its grade is needed but not given.
 */
function relevance(rule: Extract<EligibilityRule, { kind: 'no_incidents' }>, incident: ApplicantIncident): Relevance {
  if (!rule.incidents.some((kind) => incidentMatches(kind, incident.kind))) return 'not';
  if (!ACCIDENTS.has(incident.kind) || !namesAccidents(rule.incidents)) return 'counts';
  const match = matchAccident(accidentThresholdsOf(rule), {
    ...incident,
    severity: severityOf(incident.kind, incident),
  });
  return match === 'meets' ? 'counts' : match === 'unknown' ? 'unknown' : 'not';
}

type Draft = Omit<EligibilityFinding, 'ruleId' | 'basis'>;

function missing(facts: readonly (keyof ApplicantFacts)[]): Draft {
  const zh = facts.map((fact) => applicantFactNamesZh[fact] ?? fact);
  return {
    outcome: 'missing',
    missingFacts: facts,
    reason: { zh: `缺少申报信息：${zh.join('、')}`, en: `missing facts: ${facts.join(', ')}` },
  };
}

function pass(zh: string, en: string): Draft {
  return { outcome: 'pass', reason: { zh, en } };
}

function fail(zh: string, en: string): Draft {
  return { outcome: 'fail', reason: { zh, en } };
}

function yearsOperating(rule: Extract<EligibilityRule, { kind: 'min_years_operating' }>, facts: ApplicantFacts): Draft {
  if (facts.yearsOperating === undefined) return missing(['yearsOperating']);
  const years = facts.yearsOperating;
  if (years >= rule.years)
    return pass(`运营${years}年，不少于${rule.years}年`, `${years} years operating, at least ${rule.years}`);
  if (rule.reduced && years >= rule.reduced.years) {
    if (facts.inFourNewField === undefined) return missing(['inFourNewField']);
    if (facts.inFourNewField) {
      return pass(
        `四新领域组织运营${years}年，不少于${rule.reduced.years}年`,
        `${years} years operating in a 四新 field, at least ${rule.reduced.years}`,
      );
    }
  }
  const required = rule.reduced ? `${rule.years}年（四新领域${rule.reduced.years}年）` : `${rule.years}年`;
  const requiredEn = rule.reduced ? `${rule.years} (${rule.reduced.years} in a 四新 field)` : `${rule.years}`;
  if (rule.waiver) {
    return {
      outcome: 'needs_decision',
      decidedBy: rule.waiver.by,
      reason: {
        zh: `运营${years}年，不足${required}；${rule.waiver.by.zh}可放宽年限（${rule.waiver.basis}）：${rule.waiver.condition.zh}`,
        en: `${years} years operating, below ${requiredEn}; ${rule.waiver.by.en} may waive the minimum (${rule.waiver.basis}): ${rule.waiver.condition.en}`,
      },
    };
  }
  return fail(`运营${years}年，不足${required}`, `${years} years operating, below ${requiredEn}`);
}

function minimumYears(
  actual: number | undefined,
  fact: keyof ApplicantFacts,
  required: number,
  what: LocalizedText,
): Draft {
  if (actual === undefined) return missing([fact]);
  return actual >= required
    ? pass(`${what.zh}${actual}年，不少于${required}年`, `${what.en}: ${actual} years, at least ${required}`)
    : fail(`${what.zh}${actual}年，不足${required}年`, `${what.en}: ${actual} years, below ${required}`);
}

function incidents(
  rule: Extract<EligibilityRule, { kind: 'no_incidents' }>,
  facts: ApplicantFacts,
  asOf: string,
): Draft {
  const employer = rule.subject === 'employer';
  const fact = employer ? 'employerIncidents' : 'incidents';
  const recorded = employer ? facts.employerIncidents : facts.incidents;
  if (recorded === undefined) return missing([fact]);
  const draft = incidentsOf(rule, recorded, fact, asOf);
  if (!employer) return draft;
  return { ...draft, reason: { zh: `所在组织：${draft.reason.zh}`, en: `the employer: ${draft.reason.en}` } };
}

function incidentsOf(
  rule: Extract<EligibilityRule, { kind: 'no_incidents' }>,
  recorded: readonly ApplicantIncident[],
  fact: 'incidents' | 'employerIncidents',
  asOf: string,
): Draft {
  const from = rule.lookbackYears === null ? null : isoDate.addYears(asOf, -rule.lookbackYears);
  const inScope = recorded.filter((incident) => from === null || isoDate.compare(incident.date, from) >= 0);
  const ungraded = inScope.filter((incident) => relevance(rule, incident) === 'unknown');
  if (ungraded.length > 0) {
    const thresholds = accidentThresholdsOf(rule).map(describeThreshold);
    return {
      outcome: 'missing',
      missingFacts: [fact],
      reason: {
        zh: `事故未注明等级或类别（${ungraded.map((incident) => incident.date).join('、')}）；本条计入：${thresholds.map((t) => t.zh).join('；')}`,
        en: `accidents without grade or area (${ungraded.map((incident) => incident.date).join(', ')}); this rule counts ${thresholds.map((t) => t.en).join('; ')}`,
      },
    };
  }
  const relevant = recorded.filter((incident) => relevance(rule, incident) === 'counts');
  const label = (incident: ApplicantIncident, lang: 'zh' | 'en'): string => {
    const severity = ACCIDENTS.has(incident.kind) ? severityOf(incident.kind, incident) : undefined;
    const name = incidentNames[incident.kind === 'major_accident' ? 'accident' : incident.kind][lang];
    if (severity === undefined) return name;
    return lang === 'zh' ? `${severityNames[severity].zh}${name}` : `${severityNames[severity].en} ${name}`;
  };
  const names = (list: readonly ApplicantIncident[]): LocalizedText => ({
    zh: list.map((incident) => `${incident.date} ${label(incident, 'zh')}`).join('；'),
    en: list.map((incident) => `${incident.date} ${label(incident, 'en')}`).join('; '),
  });
  if (rule.lookbackYears === null) {
    if (relevant.length === 0) return pass('无相关记录', 'nothing on record');
    const listed = names(relevant);
    return {
      outcome: 'needs_decision',
      reason: {
        zh: `有记录（${listed.zh}），办法未规定期限，由人工认定`,
        en: `on record (${listed.en}); the regulation states no window, so a person decides`,
      },
    };
  }
  const since = from ?? asOf;
  const inWindow = relevant.filter((incident) => isoDate.compare(incident.date, since) >= 0);
  if (inWindow.length === 0) {
    return pass(`${since}以来无相关记录`, `nothing on record since ${since} (${rule.lookbackYears} years)`);
  }
  const listed = names(inWindow);
  return fail(
    `近${rule.lookbackYears}年内有记录：${listed.zh}`,
    `on record within ${rule.lookbackYears} years: ${listed.en}`,
  );
}

function losses(rule: Extract<EligibilityRule, { kind: 'no_losses' }>, facts: ApplicantFacts, asOf: string): Draft {
  if (facts.lossYears === undefined) return missing(['lossYears']);
  const lastClosed = isoDate.yearOf(asOf) - 1;
  const first = lastClosed - rule.years + 1;
  const inWindow = facts.lossYears.filter((year) => year >= first && year <= lastClosed).sort((a, b) => a - b);
  return inWindow.length === 0
    ? pass(`${first}—${lastClosed}年未亏损`, `no loss in ${first}–${lastClosed}`)
    : fail(`${inWindow.join('、')}年亏损`, `losses in ${inWindow.join(', ')} (window ${first}–${lastClosed})`);
}

function evaluateRule(rule: EligibilityRule, facts: ApplicantFacts, asOf: string): Draft {
  switch (rule.kind) {
    case 'registered_in_jurisdiction':
      if (facts.registeredInJurisdiction === undefined) return missing(['registeredInJurisdiction']);
      return facts.registeredInJurisdiction
        ? pass('在本辖区依法设立或登记', 'established or registered in the jurisdiction')
        : fail('未在本辖区依法设立或登记', 'not established or registered in the jurisdiction');
    case 'min_years_operating':
      return yearsOperating(rule, facts);
    case 'min_years_quality_system':
      return minimumYears(facts.qualitySystemYears, 'qualitySystemYears', rule.years, {
        zh: '质量管理体系有效运行',
        en: 'quality system in effective operation',
      });
    case 'min_years_quality_work':
      return minimumYears(facts.yearsInQualityWork, 'yearsInQualityWork', rule.years, {
        zh: '从事质量相关工作',
        en: 'years in quality work',
      });
    case 'no_incidents':
      return incidents(rule, facts, asOf);
    case 'no_losses':
      return losses(rule, facts, asOf);
    case 'spot_checks_passed':
      return minimumYears(
        facts.spotChecksPassedConsecutiveYears,
        'spotChecksPassedConsecutiveYears',
        rule.consecutiveYears,
        {
          zh: '质量监督抽查连续合格',
          en: 'consecutive years passing quality spot checks',
        },
      );
    case 'attestation':
      return {
        outcome: 'needs_decision',
        reason: { zh: `需人工核实：${rule.description.zh}`, en: `to be checked by a person: ${rule.description.en}` },
      };
  }
}

function admission(policy: Policy, facts: ApplicantFacts): EligibilityFinding[] {
  const entry = policy.applicants.kinds.find((candidate) => candidate.kind === facts.kind);
  if (!entry) {
    const admitted = policy.applicants.kinds;
    return [
      {
        ruleId: 'applicant-kind',
        outcome: 'fail',
        basis: admitted.map((candidate) => candidate.basis).join('; '),
        reason: {
          zh: `本办法不受理${facts.kind === 'individual' ? '个人' : '组织'}申报（仅受理：${admitted.map((candidate) => candidate.description.zh).join('；')}）`,
          en: `this regulation does not admit ${facts.kind}s (only: ${admitted.map((candidate) => candidate.description.en).join('; ')})`,
        },
      },
    ];
  }
  const findings: EligibilityFinding[] = [
    {
      ruleId: 'applicant-kind',
      outcome: 'pass',
      basis: entry.basis,
      reason: { zh: `受理${entry.description.zh}申报`, en: `admits ${entry.description.en}` },
    },
  ];
  if (entry.legalForms) {
    const legalForm = facts.legalForm;
    findings.push({
      ruleId: 'legal-form',
      basis: entry.basis,
      ...(legalForm === undefined
        ? missing(['legalForm'])
        : entry.legalForms.includes(legalForm)
          ? pass(
              `组织形式符合：${legalFormLabels[legalForm].zh}`,
              `legal form admitted: ${legalFormLabels[legalForm].en}`,
            )
          : fail(
              `组织形式不符合（须为：${entry.description.zh}）`,
              `legal form ${legalForm} not admitted (only ${entry.legalForms.join(', ')})`,
            )),
    });
  }
  if (entry.organisationTypes) {
    const type = facts.organisationType;
    findings.push({
      ruleId: 'organisation-type',
      basis: entry.basis,
      ...(type === undefined
        ? missing(['organisationType'])
        : entry.organisationTypes.includes(type)
          ? pass(
              `单位类型符合：${organisationTypeLabels[type].zh}`,
              `kind of organisation admitted: ${organisationTypeLabels[type].en}`,
            )
          : fail(
              `单位类型不符合（须为：${entry.description.zh}）`,
              `kind of organisation ${type} not admitted (only ${entry.organisationTypes.join(', ')})`,
            )),
    });
  }
  return findings;
}

/**
 * Evaluates an applicant against the policy's eligibility rules, one finding per rule with its
 * basis. A kind of applicant the policy does not admit fails at once with the admitting article.
 * A person's recorded decision settles only rules whose outcome is `needs_decision`.
 */
export function evaluateEligibility(
  policy: Policy,
  facts: ApplicantFacts,
  options: EligibilityOptions,
): EligibilityResult {
  const findings = admission(policy, facts);
  const admitted = findings[0]?.outcome === 'pass';
  if (admitted) {
    for (const rule of policy.eligibility) {
      if (!rule.appliesTo.includes(facts.kind)) continue;
      const draft = evaluateRule(rule, facts, options.asOf);
      const decision = facts.decisions?.[rule.id];
      if (draft.outcome === 'needs_decision' && decision) {
        findings.push({
          ruleId: rule.id,
          basis: rule.basis,
          outcome: decision.outcome,
          decision,
          reason: {
            zh: `${decision.decidedBy}于${decision.decidedAt}认定：${decision.reason}`,
            en: `decided by ${decision.decidedBy} on ${decision.decidedAt}: ${decision.reason}`,
          },
        });
      } else {
        findings.push({ ruleId: rule.id, basis: rule.basis, ...draft });
      }
    }
  }
  const outcome = findings.reduce<EligibilityOutcome>(
    (worst, finding) => (outcomeRank[finding.outcome] > outcomeRank[worst] ? finding.outcome : worst),
    'pass',
  );
  return { outcome, findings };
}
