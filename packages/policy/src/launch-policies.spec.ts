import { type LaunchPolicyKey, launchPolicyKeys } from './launch-policy-keys.util';
import type { EventKind, Policy, TierKey } from './policy.schema';
import { loadLaunchPolicies } from './policy-loader.service';

/**
 * The five launch policies, checked rule by rule against docs/domain/jurisdictions.md: one row per
 * rule per jurisdiction, each with the value and the article it must cite.
 */

const policies = new Map(loadLaunchPolicies().map((policy) => [policy.key, policy]));

function sutFor(key: LaunchPolicyKey): Policy {
  const policy = policies.get(key);
  if (!policy) throw new Error(`no policy ${key}`);
  return policy;
}

function tier(policy: Policy, key: TierKey) {
  const found = policy.tiers.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`${policy.key}: no tier ${key}`);
  return found;
}

function notice(policy: Policy, stage: string) {
  const found = policy.procedure.notices.find((candidate) => candidate.stage === stage && candidate.scope === 'public');
  const internal = policy.procedure.notices.find((candidate) => candidate.stage === stage);
  const result = found ?? internal;
  if (!result) throw new Error(`${policy.key}: no notice on ${stage}`);
  return result;
}

function rule(policy: Policy, id: string) {
  const found = policy.eligibility.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${policy.key}: no eligibility rule ${id}`);
  return found;
}

function consequence(policy: Policy, event: EventKind) {
  const found = policy.consequences.filter((candidate) => candidate.events.includes(event));
  if (found.length !== 1) throw new Error(`${policy.key}: ${found.length} consequence rules for ${event}`);
  return found[0] as Policy['consequences'][number];
}

type Row = [LaunchPolicyKey, string, (policy: Policy) => [unknown, string | null], unknown, string | null];

const wd = (count: number, minimum = true) => ({ count, unit: 'working_days', minimum });

const rows: Row[] = [
  // ---- regulation
  ['ili', 'document number', (p) => [p.regulation.documentNumber, null], '伊州政办规〔2024〕4号', null],
  ['ili', 'level', (p) => [p.level, null], 'prefecture', null],
  ['ili', 'issued', (p) => [p.regulation.issued, null], '2024-11-13', null],
  [
    'ili',
    'in force 30 days after publication',
    (p) => [
      p.regulation.inForce.rule === 'days_after_publication' ? p.regulation.inForce.days : null,
      p.regulation.inForce.basis,
    ],
    30,
    '第三十二条',
  ],
  ['ili', 'expires', (p) => [p.regulation.expires, null], null, null],
  ['linxia', 'document number', (p) => [p.regulation.documentNumber, null], '临县府发〔2023〕79号', null],
  ['linxia', 'level', (p) => [p.level, null], 'county', null],
  [
    'linxia',
    'in force on issue',
    (p) => [p.regulation.inForce.date, p.regulation.inForce.basis],
    '2023-10-19',
    '第四十三条',
  ],
  [
    'linxia',
    'expires 5 years after issue',
    (p) => [p.regulation.expires?.date, p.regulation.expires?.basis ?? null],
    '2028-10-19',
    '第四十三条',
  ],
  ['inner-mongolia', 'document number', (p) => [p.regulation.documentNumber, null], '内政办发〔2022〕86号', null],
  ['inner-mongolia', 'level', (p) => [p.level, null], 'province', null],
  [
    'inner-mongolia',
    'in force on issue',
    (p) => [p.regulation.inForce.date, p.regulation.inForce.basis],
    '2022-12-12',
    '第二十九条',
  ],
  ['inner-mongolia', 'expires', (p) => [p.regulation.expires, null], null, null],
  [
    'inner-mongolia',
    'replaces',
    (p) => [p.regulation.replaces?.documentNumber, p.regulation.replaces?.basis ?? null],
    '内政办发〔2019〕7号',
    '第二十九条',
  ],
  ['xinzhou-district', 'level', (p) => [p.level, null], 'district', null],
  [
    'xinzhou-district',
    'in force on issue',
    (p) => [p.regulation.inForce.date, p.regulation.inForce.basis],
    '2023-06-08',
    '第二十条',
  ],
  ['xinzhou-district', 'expires', (p) => [p.regulation.expires, null], null, null],
  ['xinzhou-city', 'level', (p) => [p.level, null], 'city', null],
  [
    'xinzhou-city',
    'in force on publication',
    (p) => [p.regulation.inForce.date, p.regulation.inForce.basis],
    '2021-11-30',
    '第三十三条',
  ],
  [
    'xinzhou-city',
    'expires after 5 years',
    (p) => [p.regulation.expires?.date, p.regulation.expires?.basis ?? null],
    '2026-11-30',
    '第三十四条',
  ],
  [
    'xinzhou-city',
    'replaces',
    (p) => [p.regulation.replaces?.documentNumber, p.regulation.replaces?.basis ?? null],
    '忻政办发〔2018〕118号',
    '第三十三条',
  ],

  // ---- cycle
  ['ili', 'cycle years', (p) => [p.cycle.years, p.cycle.basis], 2, '第四条'],
  ['linxia', 'cycle years', (p) => [p.cycle.years, p.cycle.basis], 2, '第四条'],
  ['inner-mongolia', 'cycle years', (p) => [p.cycle.years, p.cycle.basis], 2, '第三条'],
  ['xinzhou-district', 'cycle years', (p) => [p.cycle.years, p.cycle.basis], 1, '第五条'],
  ['xinzhou-city', 'cycle years', (p) => [p.cycle.years, p.cycle.basis], 3, '第四条'],

  // ---- tiers and quotas
  ['ili', 'tiers', (p) => [p.tiers.map((t) => t.key), null], ['award', 'nomination'], null],
  ['linxia', 'tiers', (p) => [p.tiers.map((t) => t.key), null], ['award', 'nomination'], null],
  ['inner-mongolia', 'tiers', (p) => [p.tiers.map((t) => t.key), null], ['award'], null],
  ['xinzhou-district', 'tiers', (p) => [p.tiers.map((t) => t.key), null], ['award', 'nomination'], null],
  ['xinzhou-city', 'tiers', (p) => [p.tiers.map((t) => t.key), null], ['award', 'nomination'], null],
  ['ili', 'award quota', (p) => [tier(p, 'award').quota.max, tier(p, 'award').quota.basis], 5, '第四条'],
  ['ili', 'award quota binding', (p) => [tier(p, 'award').quota.binding, null], 'hard', null],
  ['ili', 'nomination quota', (p) => [tier(p, 'nomination').quota.max, tier(p, 'nomination').quota.basis], 8, '第四条'],
  ['linxia', 'award quota', (p) => [tier(p, 'award').quota.max, tier(p, 'award').quota.basis], 2, '第四条'],
  ['linxia', 'award quota in principle', (p) => [tier(p, 'award').quota.binding, null], 'in_principle', null],
  [
    'linxia',
    'nomination quota',
    (p) => [tier(p, 'nomination').quota.max, tier(p, 'nomination').quota.basis],
    2,
    '第四条',
  ],
  ['linxia', 'nomination quota in principle', (p) => [tier(p, 'nomination').quota.binding, null], 'in_principle', null],
  ['inner-mongolia', 'award quota', (p) => [tier(p, 'award').quota.max, tier(p, 'award').quota.basis], 5, '第三条'],
  [
    'xinzhou-district',
    'award quota',
    (p) => [tier(p, 'award').quota.max, tier(p, 'award').quota.basis],
    3,
    '第三条; 第五条',
  ],
  ['xinzhou-district', 'nomination quota', (p) => [tier(p, 'nomination').quota.max, null], 5, null],
  ['xinzhou-city', 'award quota', (p) => [tier(p, 'award').quota.max, tier(p, 'award').quota.basis], 3, '第四条'],
  [
    'xinzhou-city',
    'nomination quota',
    (p) => [tier(p, 'nomination').quota.max, tier(p, 'nomination').quota.basis],
    10,
    '第四条',
  ],
  ...launchPolicyKeys.map(
    (key): Row => [key, 'vacancies allowed', (p) => [p.tiers.every((t) => t.quota.vacanciesAllowed), null], true, null],
  ),

  // ---- who may apply
  [
    'ili',
    'applicant kinds',
    (p) => [p.applicants.kinds.map((k) => k.kind), p.applicants.kinds[0]?.basis ?? null],
    ['organisation'],
    '第二条',
  ],
  [
    'ili',
    'legal forms incl. branches and internal units',
    (p) => [p.applicants.kinds[0]?.legalForms, null],
    ['legal_person', 'unincorporated_organisation', 'branch', 'internal_unit', 'dispatched_unit'],
    null,
  ],
  [
    'linxia',
    'applicant kinds',
    (p) => [p.applicants.kinds.map((k) => k.kind), p.applicants.kinds.map((k) => k.basis).join('; ')],
    ['organisation', 'individual'],
    '第十条; 第十一条',
  ],
  ['inner-mongolia', 'applicant kinds', (p) => [p.applicants.kinds.map((k) => k.kind), null], ['organisation'], null],
  [
    'inner-mongolia',
    'independent legal persons',
    (p) => [p.applicants.kinds[0]?.legalForms, null],
    ['legal_person'],
    null,
  ],
  [
    'inner-mongolia',
    'enterprises and public institutions',
    (p) => [p.applicants.kinds[0]?.organisationTypes, p.applicants.kinds[0]?.basis ?? null],
    ['enterprise', 'public_institution'],
    '第二条; 第十条（一）',
  ],
  ['xinzhou-district', 'applicant kinds', (p) => [p.applicants.kinds.map((k) => k.kind), null], ['organisation'], null],
  [
    'xinzhou-district',
    'independent legal persons',
    (p) => [p.applicants.kinds[0]?.legalForms, null],
    ['legal_person'],
    null,
  ],
  [
    'xinzhou-city',
    'applicant kinds',
    (p) => [p.applicants.kinds.map((k) => k.kind), p.applicants.kinds.map((k) => k.basis).join('; ')],
    ['organisation', 'individual'],
    '第十条; 第十一条',
  ],

  // ---- money (integer fen)
  [
    'ili',
    'award money',
    (p) => [tier(p, 'award').money.fen, tier(p, 'award').money.basis],
    { organisation: null, individual: null },
    null,
  ],
  ['ili', 'award money form', (p) => [tier(p, 'award').money.form, null], 'unspecified', null],
  [
    'linxia',
    'award money: none, non-cash support',
    (p) => [tier(p, 'award').money.form, tier(p, 'award').money.basis],
    'non_cash',
    '第二十七条; 第二十八条; 第二十九条; 第三十条',
  ],
  [
    'inner-mongolia',
    'grant 1,000,000 yuan',
    (p) => [tier(p, 'award').money.fen.organisation, tier(p, 'award').money.basis],
    100_000_000,
    '第十八条',
  ],
  ['inner-mongolia', 'money form', (p) => [tier(p, 'award').money.form, null], 'grant', null],
  [
    'inner-mongolia',
    'no second grant for a repeat winner',
    (p) => [tier(p, 'award').money.repeatWinner?.rule, tier(p, 'award').money.repeatWinner?.basis ?? null],
    'no_second_grant',
    '第十八条',
  ],
  [
    'xinzhou-district',
    'award prize 80,000 yuan',
    (p) => [tier(p, 'award').money.fen.organisation, tier(p, 'award').money.basis],
    8_000_000,
    '第十五条',
  ],
  [
    'xinzhou-district',
    'nomination prize 10,000 yuan',
    (p) => [tier(p, 'nomination').money.fen.organisation, tier(p, 'nomination').money.basis],
    1_000_000,
    '第十五条',
  ],
  [
    'xinzhou-city',
    'award prize: 200,000 / 30,000 yuan',
    (p) => [tier(p, 'award').money.fen, tier(p, 'award').money.basis],
    { organisation: 20_000_000, individual: 3_000_000 },
    '第二十一条',
  ],
  [
    'xinzhou-city',
    'nomination: plaque and certificate only',
    (p) => [[tier(p, 'nomination').money.form, tier(p, 'nomination').money.fen], tier(p, 'nomination').money.basis],
    ['non_cash', { organisation: 0, individual: 0 }],
    '第二十一条',
  ],

  // ---- budget year rule and use of money
  [
    'ili',
    'budget',
    (p) => [p.funding.budget.map((b) => [b.purposes, b.year]), p.funding.budget[0]?.basis ?? null],
    [[['review_costs'], 'annual']],
    '第三条',
  ],
  [
    'linxia',
    'budget',
    (p) => [p.funding.budget.map((b) => b.year), p.funding.budget[0]?.basis ?? null],
    ['current_year'],
    '第六条',
  ],
  [
    'inner-mongolia',
    'grant in the budget of the year after the award',
    (p) => [p.funding.budget.find((b) => b.purposes.includes('award_money'))?.year, p.funding.budget[1]?.basis ?? null],
    'year_after_award',
    '第四条',
  ],
  [
    'inner-mongolia',
    'restricted use, performance evaluation',
    (p) => [[p.funding.use?.restricted, p.funding.use?.performanceEvaluation], p.funding.use?.basis ?? null],
    [true, true],
    '第十九条',
  ],
  [
    'xinzhou-district',
    'earmarked district budget',
    (p) => [p.funding.budget[0]?.earmarked, p.funding.budget[0]?.basis ?? null],
    true,
    '第十六条',
  ],
  [
    'xinzhou-city',
    'city budget',
    (p) => [p.funding.budget[0]?.purposes, p.funding.budget[0]?.basis ?? null],
    ['award_money', 'review_costs'],
    '第二十一条',
  ],
  [
    'xinzhou-city',
    'use of money: mainly',
    (p) => [p.funding.use?.restricted, p.funding.use?.basis ?? null],
    false,
    '第二十二条',
  ],

  // ---- title validity
  ['ili', 'award validity', (p) => [tier(p, 'award').validity, null], null, null],
  [
    'linxia',
    'award valid 5 years, re-evaluated',
    (p) => [
      [tier(p, 'award').validity?.years, tier(p, 'award').validity?.onExpiry],
      tier(p, 'award').validity?.basis ?? null,
    ],
    [5, 're_evaluation'],
    '第五条',
  ],
  ['inner-mongolia', 'award validity', (p) => [tier(p, 'award').validity, null], null, null],
  [
    'xinzhou-district',
    'award valid 3 years',
    (p) => [tier(p, 'award').validity?.years, tier(p, 'award').validity?.basis ?? null],
    3,
    '第五条',
  ],
  [
    'xinzhou-district',
    'nomination valid 1 year',
    (p) => [tier(p, 'nomination').validity?.years, tier(p, 'nomination').validity?.basis ?? null],
    1,
    '第五条',
  ],
  ['xinzhou-city', 'award validity', (p) => [tier(p, 'award').validity, null], null, null],

  // ---- eligibility
  ...(
    [
      ['ili', 5, '第八条（二）'],
      ['linxia', 5, '第十条（一）'],
      ['inner-mongolia', 5, '第十条（一）'],
      ['xinzhou-district', 3, '第九条（一）'],
      ['xinzhou-city', 3, '第十条'],
    ] as const
  ).map(
    ([key, years, basis]): Row => [
      key,
      'minimum years operating',
      (p) => {
        const r = rule(p, 'years-operating');
        return [r.kind === 'min_years_operating' ? r.years : null, r.basis];
      },
      years,
      basis,
    ],
  ),
  [
    'ili',
    '3 years for 四新',
    (p) => {
      const r = rule(p, 'years-operating');
      return [
        r.kind === 'min_years_operating' ? r.reduced?.years : null,
        r.kind === 'min_years_operating' ? (r.reduced?.basis ?? null) : null,
      ];
    },
    3,
    '第八条（二）',
  ],
  [
    'xinzhou-city',
    'leading group may waive the years',
    (p) => {
      const r = rule(p, 'years-operating');
      return [
        r.kind === 'min_years_operating' ? r.waiver?.by.zh : null,
        r.kind === 'min_years_operating' ? (r.waiver?.basis ?? null) : null,
      ];
    },
    '领导小组',
    '第十条',
  ],
  ['ili', 'no major accident within 3 years', (p) => lookback(p, 'no-major-incidents'), 3, '第八条（三）'],
  ['linxia', 'no major accident within 5 years', (p) => lookback(p, 'no-major-incidents'), 5, '第十条（六）'],
  ['inner-mongolia', 'no accident within 3 years', (p) => lookback(p, 'no-incidents'), 3, '第十条（五）'],
  ['inner-mongolia', 'quality system running 2 years', (p) => minimum(p, 'quality-system-years'), 2, '第十条（二）'],
  ['xinzhou-district', 'spot checks passed 3 consecutive years', (p) => minimum(p, 'spot-checks'), 3, '第九条（三）'],
  ['xinzhou-district', 'no losses in the last 3 years', (p) => minimum(p, 'no-losses'), 3, '第九条（三）'],
  [
    'xinzhou-district',
    'no liability accidents (no window)',
    (p) => lookback(p, 'no-liability-accidents'),
    null,
    '第九条（三）',
  ],
  ['xinzhou-city', 'no major accident within 3 years', (p) => lookback(p, 'no-major-accidents'), 3, '第十条'],
  ['xinzhou-city', 'individuals: 3 years in quality work', (p) => minimum(p, 'years-in-quality-work'), 3, '第十一条'],
  [
    'linxia',
    'individuals: support the Party line (a person decides)',
    (p) => [rule(p, 'party-line').kind, rule(p, 'party-line').basis],
    'attestation',
    '第十一条（一）',
  ],
  [
    'ili',
    'organisations: support the Party line (a person decides)',
    (p) => [rule(p, 'party-line').kind, rule(p, 'party-line').basis],
    'attestation',
    '第八条（一）',
  ],

  // ---- re-application after winning
  [
    'ili',
    'award winners: not within 5 years',
    (p) => reapply(p, 'award'),
    { rule: 'wait', length: { unit: 'years', count: 5 } },
    '第二十四条',
  ],
  ['ili', 'nomination winners may re-apply', (p) => reapply(p, 'nomination'), { rule: 'unrestricted' }, '第二十四条'],
  ['linxia', 'award winners: not stated', (p) => reapply(p, 'award'), { rule: 'unspecified' }, null],
  ['linxia', 'nomination winners not restricted', (p) => reapply(p, 'nomination'), { rule: 'unrestricted' }, '第五条'],
  ['inner-mongolia', 'award winners: not stated', (p) => reapply(p, 'award'), { rule: 'unspecified' }, null],
  ['xinzhou-district', 'award winners: not stated', (p) => reapply(p, 'award'), { rule: 'unspecified' }, null],
  [
    'xinzhou-district',
    'nomination winners may apply next year',
    (p) => reapply(p, 'nomination'),
    { rule: 'unrestricted' },
    '第五条',
  ],
  [
    'xinzhou-city',
    'award winners: not within the next two cycles',
    (p) => reapply(p, 'award'),
    { rule: 'wait', length: { unit: 'cycles', count: 2 } },
    '第十二条',
  ],
  [
    'xinzhou-city',
    'nomination winners may apply for the award',
    (p) => reapply(p, 'nomination'),
    { rule: 'unrestricted' },
    '第十二条',
  ],

  // ---- notices per stage
  ['ili', 'internal publicity', (p) => period(p, 'internal_publicity'), wd(5), '第十条'],
  ['ili', "recommender's notice", (p) => period(p, 'recommendation'), wd(5), '第十一条'],
  ['ili', 'acceptance list notice', (p) => period(p, 'acceptance'), wd(5), '第十三条'],
  ['ili', 'proposed winners notice', (p) => period(p, 'proposed_winners'), wd(5), '第十七条'],
  ['linxia', 'internal publicity', (p) => period(p, 'internal_publicity'), wd(5), '第十三条'],
  ['linxia', "recommender's notice", (p) => period(p, 'recommendation'), wd(5), '第十五条'],
  ['linxia', 'acceptance list notice', (p) => period(p, 'acceptance'), wd(5), '第十七条'],
  ['linxia', 'proposed winners notice', (p) => period(p, 'proposed_winners'), wd(5), '第二十一条'],
  ['inner-mongolia', 'qualified list notice: no period', (p) => period(p, 'acceptance'), null, '第十三条'],
  ['inner-mongolia', 'candidate consultation: no period', (p) => period(p, 'candidates'), null, '第十五条'],
  ['inner-mongolia', 'proposed winners notice 7 wd', (p) => period(p, 'proposed_winners'), wd(7, false), '第十六条'],
  [
    'xinzhou-district',
    'candidate notice ≥ 7 calendar days',
    (p) => period(p, 'candidates'),
    { count: 7, unit: 'calendar_days', minimum: true },
    '第十四条',
  ],
  ['xinzhou-district', 'notices', (p) => [p.procedure.notices.map((n) => n.stage), null], ['candidates'], null],
  ['xinzhou-city', 'internal publicity', (p) => period(p, 'internal_publicity'), wd(5), '第十四条'],
  ['xinzhou-city', 'acceptance list notice: no period', (p) => period(p, 'acceptance'), null, '第十六条'],
  ['xinzhou-city', 'candidate notice', (p) => period(p, 'candidates'), wd(5), '第十八条'],
  ['xinzhou-city', 'proposed winners notice', (p) => period(p, 'proposed_winners'), wd(5), '第十九条'],
  ['xinzhou-city', 'stages not limited to those listed', (p) => [p.procedure.stagesExhaustive, null], false, null],

  // ---- stages in order
  ['ili', 'review stages', (p) => [reviewStages(p), null], ['defense', 'onsite_review'], null],
  ['linxia', 'review stages', (p) => [reviewStages(p), null], ['defense', 'onsite_review'], null],
  [
    'inner-mongolia',
    'review stages',
    (p) => [reviewStages(p), null],
    ['material_review', 'onsite_review', 'defense'],
    null,
  ],
  ['xinzhou-district', 'review stages', (p) => [reviewStages(p), null], ['onsite_review'], null],
  [
    'xinzhou-city',
    'review stages',
    (p) => [reviewStages(p), null],
    ['material_review', 'onsite_review', 'defense'],
    null,
  ],
  ['ili', 'final approval', (p) => stage(p, 'approval'), '自治州人民政府', '第二十二条'],
  ['linxia', 'final approval', (p) => stage(p, 'approval'), '县政府', '第二十五条'],
  ['inner-mongolia', 'final approval', (p) => stage(p, 'approval'), '自治区人民政府', '第十七条'],
  ['xinzhou-district', 'final approval', (p) => stage(p, 'approval'), '区政府常务会议', '第十四条'],

  // ---- scoring basis
  [
    'ili',
    'standard',
    (p) => [p.scoring.standards.map((s) => s.code), p.scoring.basis],
    [null],
    '第五条; 第十二条; 第十六条',
  ],
  ['linxia', 'standards', (p) => [p.scoring.standards.map((s) => s.code), null], ['GB/T 19580', 'GB/Z 19579'], null],
  ['inner-mongolia', 'standards', (p) => [p.scoring.standards.map((s) => s.code), null], ['GB/T 19580'], null],
  ['xinzhou-district', 'standards', (p) => [p.scoring.standards.map((s) => s.code), null], ['GB/T 19580'], null],
  [
    'xinzhou-city',
    'standards',
    (p) => [p.scoring.standards.map((s) => s.code), null],
    ['DB14/T 1462', 'DB14/T 1463', 'DB14/T 1464'],
    null,
  ],

  // ---- objections and reports
  [
    'ili',
    'objections go to the office',
    (p) => [p.objections.receiver?.zh, p.objections.basis],
    '领导小组办公室',
    '第十八条',
  ],
  [
    'ili',
    'objection examined within 3 wd',
    (p) => [p.objections.examination?.period, p.objections.examination?.basis ?? null],
    wd(3, false),
    '第十九条',
  ],
  ['ili', 'a written receipt is issued', (p) => [p.objections.examination?.receiptIssued, null], true, null],
  [
    'ili',
    'objector identity',
    (p) => [p.objections.identity, null],
    {
      person: ['name', 'signature', 'phone', 'address', 'identity_proof'],
      organisation: ['address', 'phone', 'official_seal'],
      basis: '第十八条',
    },
    null,
  ],
  [
    'ili',
    'result to objector and recommender',
    (p) => [p.objections.result?.notified, p.objections.result?.basis ?? null],
    ['objector', 'recommender'],
    '第二十一条',
  ],
  ['ili', 'no reporting channel', (p) => [p.reports.provided, null], false, null],
  [
    'linxia',
    'objections go to the committee office',
    (p) => [p.objections.receiver?.zh, p.objections.basis],
    '评委办',
    '第二十二条',
  ],
  [
    'linxia',
    'objection examined within 5 wd',
    (p) => [p.objections.examination?.period, p.objections.examination?.basis ?? null],
    wd(5, false),
    '第二十三条',
  ],
  [
    'linxia',
    'objector identity',
    (p) => [p.objections.identity?.person, p.objections.identity?.basis ?? null],
    ['name', 'signature', 'phone', 'address', 'identity_proof'],
    '第二十二条',
  ],
  [
    'linxia',
    'reports to the committee office',
    (p) => [p.reports.receiver?.zh, p.reports.basis],
    '评委办',
    '第二十四条',
  ],
  [
    'linxia',
    'the committee office receives reports',
    (p) => [p.reports.receiverRole, p.reports.basis],
    'office',
    '第二十四条',
  ],
  ['linxia', 'anonymity not stated', (p) => [p.reports.anonymousAllowed, null], null, null],
  [
    'inner-mongolia',
    'no objection procedure',
    (p) => [[p.objections.provided, p.objections.examination], null],
    [false, null],
    null,
  ],
  [
    'xinzhou-district',
    'no objection procedure',
    (p) => [[p.objections.provided, p.objections.examination], null],
    [false, null],
    null,
  ],
  [
    'xinzhou-city',
    'objections go to the supervision group',
    (p) => [p.objections.receiver?.zh, p.objections.basis],
    '监督组',
    '第六条; 第二十七条',
  ],
  [
    'xinzhou-city',
    'the supervision group receives objections, the leading group decides them',
    (p) => [[p.objections.receiverRole, p.objections.deciderRole], p.objections.basis],
    ['supervisor', 'leading_group'],
    '第六条; 第二十七条',
  ],
  ['xinzhou-city', 'no examination deadline', (p) => [p.objections.examination, null], null, null],
  [
    'xinzhou-city',
    'reports: anonymous allowed, real names encouraged, confidential',
    (p) => [
      [p.reports.anonymousAllowed, p.reports.realNameEncouraged, p.reports.reporterConfidential],
      p.reports.basis,
    ],
    [true, true, true],
    '第二十七条',
  ],

  // ---- consequences
  [
    'ili',
    'false materials: 5 years',
    (p) => ban(p, 'false_materials'),
    { unit: 'years', count: 5, from: 'decision_year' },
    '第二十八条第一款',
  ],
  [
    'ili',
    'fraud: 10 years',
    (p) => ban(p, 'fraud_or_bribery'),
    { unit: 'years', count: 10, from: 'decision_year' },
    '第二十八条第二款',
  ],
  [
    'ili',
    'fraud: revoke, recover, credit record, publish',
    (p) => actions(p, 'fraud_or_bribery'),
    { revoke: true, recover: true, clawback: false, credit: true, publish: true, approval: null },
    '第二十八条第二款',
  ],
  [
    'ili',
    'post-award: within 5 years',
    (p) => window(p, 'accident'),
    { kind: 'after_award', length: { unit: 'years', count: 5 } },
    '第二十九条',
  ],
  [
    'ili',
    'post-award: government approves',
    (p) => actions(p, 'serious_violation'),
    { revoke: true, recover: true, clawback: false, credit: false, publish: true, approval: '自治州人民政府' },
    '第二十九条',
  ],
  [
    'linxia',
    'false materials: 5 years',
    (p) => ban(p, 'false_materials'),
    { unit: 'years', count: 5, from: 'decision_year' },
    '第三十六条',
  ],
  [
    'linxia',
    'fraud: 10 years',
    (p) => ban(p, 'fraud_or_bribery'),
    { unit: 'years', count: 10, from: 'decision_year' },
    '第三十七条',
  ],
  [
    'linxia',
    'post-award: within 5 years',
    (p) => window(p, 'severe_operating_loss'),
    { kind: 'after_award', length: { unit: 'years', count: 5 } },
    '第三十九条',
  ],
  [
    'linxia',
    "post-award: 5 years' ban",
    (p) => ban(p, 'accident'),
    { unit: 'years', count: 5, from: 'decision_year' },
    '第三十九条',
  ],
  [
    'linxia',
    'post-award: committee investigates',
    (p) => [
      consequence(p, 'verified_major_complaint').actions.investigation?.by.zh,
      consequence(p, 'verified_major_complaint').basis,
    ],
    '评委会',
    '第三十九条',
  ],
  [
    'inner-mongolia',
    'fraud: revoke, recover, claw back grant, publish',
    (p) => actions(p, 'fraud_or_bribery'),
    { revoke: true, recover: true, clawback: true, credit: false, publish: true, approval: '自治区人民政府' },
    '第二十三条',
  ],
  [
    'inner-mongolia',
    'fraud: 5 years',
    (p) => ban(p, 'false_materials'),
    { unit: 'years', count: 5, from: 'decision_year' },
    '第二十三条',
  ],
  [
    'inner-mongolia',
    'post-award: within 3 years',
    (p) => window(p, 'accident'),
    { kind: 'after_award', length: { unit: 'years', count: 3 } },
    '第二十四条',
  ],
  [
    'inner-mongolia',
    'post-award: revoke without clawback',
    (p) => actions(p, 'serious_violation'),
    { revoke: true, recover: false, clawback: false, credit: false, publish: true, approval: '自治区人民政府' },
    '第二十四条',
  ],
  [
    'xinzhou-district',
    'within half a year',
    (p) => window(p, 'failed_spot_check'),
    { kind: 'after_award', length: { unit: 'months', count: 6 } },
    '第十七条',
  ],
  [
    'xinzhou-district',
    "5 years' ban",
    (p) => ban(p, 'export_quality_notice'),
    { unit: 'years', count: 5, from: 'decision_year' },
    '第十七条',
  ],
  [
    'xinzhou-district',
    'revoke and claw back the prize',
    (p) => actions(p, 'fraud_or_bribery'),
    { revoke: true, recover: true, clawback: true, credit: false, publish: true, approval: '区政府' },
    '第十七条',
  ],
  ['xinzhou-city', 'at any time', (p) => window(p, 'accident'), { kind: 'any_time' }, '第二十八条'],
  [
    'xinzhou-city',
    '3 cycles from the year of revocation',
    (p) => ban(p, 'fraud_or_bribery'),
    { unit: 'cycles', count: 3, from: 'revocation_year' },
    '第二十八条',
  ],
  [
    'xinzhou-city',
    'revoke and claw back the prize',
    (p) => actions(p, 'title_misuse'),
    { revoke: true, recover: true, clawback: true, credit: false, publish: true, approval: '市人民政府' },
    '第二十八条',
  ],

  // ---- obligations
  ['ili', 'no reports', (p) => [p.obligations.reports.length, null], 0, null],
  [
    'ili',
    'title use: state the year',
    (p) => [p.obligations.titleUse?.mustStateYear, p.obligations.titleUse?.basis ?? null],
    true,
    '第二十七条',
  ],
  [
    'linxia',
    'self-assessment every July',
    (p) => [
      p.obligations.reports.find((r) => r.key === 'self-assessment')?.schedule,
      p.obligations.reports[0]?.basis ?? null,
    ],
    { kind: 'annual_in_month', month: 7, until: { kind: 'title_validity' } },
    '第三十二条',
  ],
  [
    'inner-mongolia',
    'annual performance report for 3 years',
    (p) => [
      p.obligations.reports.find((r) => r.key === 'performance-report')?.schedule,
      p.obligations.reports[0]?.basis ?? null,
    ],
    { kind: 'annual_after_award', years: 3, due: { kind: 'set_by_office' } },
    '第二十七条',
  ],
  ['xinzhou-district', 'no reports', (p) => [p.obligations.reports.length, null], 0, null],
  ['xinzhou-city', 'no reports', (p) => [p.obligations.reports.length, null], 0, null],
  [
    'xinzhou-city',
    'title use: state the year',
    (p) => [p.obligations.titleUse?.mustStateYear, p.obligations.titleUse?.basis ?? null],
    true,
    '第二十三条',
  ],
];

function lookback(policy: Policy, id: string): [unknown, string] {
  const r = rule(policy, id);
  return [r.kind === 'no_incidents' ? r.lookbackYears : 'not a no_incidents rule', r.basis];
}

function minimum(policy: Policy, id: string): [unknown, string] {
  const r = rule(policy, id);
  switch (r.kind) {
    case 'min_years_quality_system':
    case 'min_years_quality_work':
    case 'no_losses':
      return [r.years, r.basis];
    case 'spot_checks_passed':
      return [r.consecutiveYears, r.basis];
    default:
      return ['not a minimum', r.basis];
  }
}

function reapply(policy: Policy, key: TierKey): [unknown, string | null] {
  const r = tier(policy, key).reapplication;
  if (r.rule === 'wait') return [{ rule: r.rule, length: r.length }, r.basis];
  if (r.rule === 'unrestricted') return [{ rule: r.rule }, r.basis];
  return [{ rule: r.rule }, null];
}

function period(policy: Policy, stage: string): [unknown, string] {
  const n = notice(policy, stage);
  return [n.period, n.basis];
}

function reviewStages(policy: Policy): string[] {
  const review = new Set(['material_review', 'defense', 'onsite_review']);
  return policy.procedure.stages.filter((s) => review.has(s.kind)).map((s) => s.kind);
}

function stage(policy: Policy, kind: string): [unknown, string] {
  const s = policy.procedure.stages.find((candidate) => candidate.kind === kind);
  return [s?.actor?.zh, s?.basis ?? ''];
}

function ban(policy: Policy, event: EventKind): [unknown, string] {
  const c = consequence(policy, event);
  return [c.actions.ban, c.basis];
}

function window(policy: Policy, event: EventKind): [unknown, string] {
  const c = consequence(policy, event);
  return [c.window, c.basis];
}

function actions(policy: Policy, event: EventKind): [unknown, string] {
  const c = consequence(policy, event);
  const a = c.actions;
  return [
    {
      revoke: a.revoke,
      recover: a.recoverCertificateAndPlaque,
      clawback: a.clawback,
      credit: a.creditRecord !== null,
      publish: a.publish,
      approval: a.approval?.by.zh ?? null,
    },
    c.basis,
  ];
}

describe('launch policies, rule by rule', () => {
  it('loads all five launch policies', () => {
    expect([...policies.keys()]).toEqual([...launchPolicyKeys]);
  });

  it.each(rows)('%s: %s', (key, _rule, get, expected, expectedBasis) => {
    const sut = sutFor(key);

    const [value, basis] = get(sut);

    expect(value).toEqual(expected);
    if (expectedBasis !== null) expect(basis).toBe(expectedBasis);
  });

  it.each([...launchPolicyKeys])('%s: every article cited exists in the regulation text', (key) => {
    const sut = sutFor(key);
    const cited = new Set<string>();
    const walk = (value: unknown, field: string): void => {
      if (
        typeof value === 'string' &&
        (field === 'basis' ||
          field === 'recusal' ||
          field === 'secrecy' ||
          field === 'tradeSecretsMarked' ||
          field === 'noStateSecrets')
      ) {
        for (const part of value.split('; ')) cited.add(/^第[^条]+条/.exec(part)?.[0] ?? part);
      } else if (Array.isArray(value)) {
        for (const item of value) walk(item, field);
      } else if (typeof value === 'object' && value !== null) {
        for (const [name, child] of Object.entries(value)) walk(child, name);
      }
    };
    walk(sut, '');

    const numbers = [...cited].map(articleToNumber);

    expect(cited.size).toBeGreaterThan(10);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(lastArticle[key]);
  });
});

const lastArticle: Readonly<Record<LaunchPolicyKey, number>> = {
  ili: 32,
  linxia: 44,
  'inner-mongolia': 29,
  'xinzhou-district': 20,
  'xinzhou-city': 34,
};

function articleToNumber(article: string): number {
  const digits: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const body = article.slice(1, -1);
  const [tensPart, onesPart] = body.includes('十') ? body.split('十') : ['', body];
  const tens = body.includes('十') ? (tensPart === '' ? 1 : (digits[tensPart ?? ''] ?? 0)) : 0;
  return tens * 10 + (digits[onesPart ?? ''] ?? 0);
}
