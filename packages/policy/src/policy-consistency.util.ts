import { checkExtensions } from './extension-consistency.util';
import { isoDate } from './iso-date.util';
import { formatProblemPath, type PolicyProblem } from './policy-problem.schema';
import { checkStageEntries } from './stage-entry-consistency.util';
import { asArray, asDate, asInt, asRecord, asString, type Record_ } from './untyped-document.util';

/**
 * Cross-field checks of a policy document, beyond its shape. They read the raw document defensively
 * (anything may be missing or of the wrong type: the shape check reports that), so that one pass over
 * a broken document lists every problem, not only the first.
 */

type Path = readonly PropertyKey[];
/** Rank of each stage kind in the procedure: a stage may not come before one of a higher rank. */
const stageRank: Readonly<Record<string, number>> = {
  internal_publicity: 0,
  submission: 1,
  recommendation: 2,
  formal_review: 2,
  acceptance: 3,
  material_review: 4,
  defense: 4,
  onsite_review: 4,
  composite_evaluation: 5,
  vote: 5,
  candidate_list: 5,
  background_clearance: 5,
  deliberation: 5,
  proposed_winners: 6,
  approval: 7,
  commendation: 8,
};

class ProblemList {
  readonly items: PolicyProblem[] = [];

  add(path: Path, reason: string): void {
    this.items.push({ path: formatProblemPath(path), reason });
  }
}

function checkUnique(
  problems: ProblemList,
  items: readonly unknown[],
  basePath: Path,
  field: string,
  what: string,
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const value = asString(asRecord(item)?.[field]);
    if (value === undefined) return;
    const first = seen.get(value);
    if (first !== undefined) {
      problems.add(
        [...basePath, index, field],
        `duplicate ${what} "${value}" (first at ${formatProblemPath([...basePath, first])})`,
      );
    } else {
      seen.set(value, index);
    }
  });
  return new Set(seen.keys());
}

function checkRegulationDates(problems: ProblemList, regulation: Record_ | undefined): void {
  if (!regulation) return;
  const issued = asDate(regulation.issued);
  const inForce = asRecord(regulation.inForce);
  const inForceDate = asDate(inForce?.date);
  const expires = asRecord(regulation.expires);
  const expiresDate = asDate(expires?.date);
  const base: Path = ['regulation'];

  if (issued && inForceDate) {
    if (isoDate.compare(issued, inForceDate) > 0) {
      problems.add([...base, 'inForce', 'date'], `in force (${inForceDate}) before issued (${issued})`);
    }
    const rule = asString(inForce?.rule);
    if (rule === 'on_issue' && inForceDate !== issued) {
      problems.add([...base, 'inForce', 'date'], `rule "on_issue" needs the issue date ${issued}, got ${inForceDate}`);
    }
    const days = asInt(inForce?.days);
    if (rule === 'days_after_publication' && days !== undefined && days > 0) {
      const earliest = isoDate.addDays(issued, days);
      if (isoDate.compare(inForceDate, earliest) < 0) {
        problems.add(
          [...base, 'inForce', 'date'],
          `${days} days after publication cannot be before ${earliest} (publication is not before issue ${issued})`,
        );
      }
    }
  }
  if (inForceDate && expiresDate) {
    if (isoDate.compare(inForceDate, expiresDate) > 0) {
      problems.add([...base, 'expires', 'date'], `expires (${expiresDate}) before in force (${inForceDate})`);
    }
    const years = asInt(expires?.years);
    if (asString(expires?.rule) === 'years_after_in_force' && years !== undefined && years > 0) {
      const expected = isoDate.addYears(inForceDate, years);
      if (expected !== expiresDate) {
        problems.add(
          [...base, 'expires', 'date'],
          `${years} years after in force (${inForceDate}) ends on ${expected}, got ${expiresDate}`,
        );
      }
    }
  }
  if (issued && !inForceDate && expiresDate && isoDate.compare(issued, expiresDate) > 0) {
    problems.add([...base, 'expires', 'date'], `expires (${expiresDate}) before issued (${issued})`);
  }
  const replaced = asDate(asRecord(regulation.replaces)?.issued);
  if (issued && replaced && isoDate.compare(replaced, issued) > 0) {
    problems.add(
      [...base, 'replaces', 'issued'],
      `the replaced regulation (${replaced}) is later than this one (${issued})`,
    );
  }
}

function checkKinds(
  problems: ProblemList,
  kinds: readonly unknown[],
  admitted: ReadonlySet<string>,
  path: Path,
  what: string,
): void {
  kinds.forEach((kind, index) => {
    const value = asString(kind);
    if (value !== undefined && !admitted.has(value)) {
      problems.add([...path, index], `${what} "${value}" is not an admitted applicant kind (applicants.kinds)`);
    }
  });
}

function checkTierRefs(problems: ProblemList, tiers: readonly unknown[], known: ReadonlySet<string>, path: Path): void {
  tiers.forEach((tier, index) => {
    const value = asString(tier);
    if (value !== undefined && !known.has(value)) {
      problems.add([...path, index], `tier "${value}" is not defined in tiers`);
    }
  });
}

function checkMoney(
  problems: ProblemList,
  money: Record_ | undefined,
  path: Path,
  admitted: ReadonlySet<string>,
): void {
  if (!money) return;
  const form = asString(money.form);
  const fen = asRecord(money.fen);
  const amounts: Array<['organisation' | 'individual', unknown]> = [
    ['organisation', fen?.organisation],
    ['individual', fen?.individual],
  ];
  for (const [kind, amount] of amounts) {
    if (typeof amount === 'number' && !admitted.has(kind)) {
      problems.add([...path, 'fen', kind], `money for ${kind}s, who may not apply: must be null`);
    }
    if (form === 'unspecified' && amount !== null && amount !== undefined) {
      problems.add([...path, 'fen', kind], 'form "unspecified" means the text gives no amount: must be null');
    }
    if (form === 'non_cash' && typeof amount === 'number' && amount !== 0) {
      problems.add([...path, 'fen', kind], 'form "non_cash" gives no money: must be 0 or null');
    }
  }
  if (form === 'prize' || form === 'grant') {
    const paid = amounts.some(([, amount]) => typeof amount === 'number' && amount > 0);
    if (!paid) problems.add([...path, 'fen'], `form "${form}" needs a positive amount for an admitted applicant kind`);
  }
  if (form !== undefined && form !== 'unspecified' && money.basis === null) {
    problems.add([...path, 'basis'], `form "${form}" needs the article that states it`);
  }
  if (form !== 'grant' && form !== 'prize' && asRecord(money.repeatWinner)) {
    problems.add([...path, 'repeatWinner'], 'a repeat-winner rule needs money (form "prize" or "grant")');
  }
}

function checkTiers(problems: ProblemList, tiers: readonly unknown[], admitted: ReadonlySet<string>): Set<string> {
  const keys = checkUnique(problems, tiers, ['tiers'], 'key', 'tier key');
  if (tiers.length > 0 && keys.size > 0 && !keys.has('award')) {
    problems.add(['tiers'], 'a programme needs the "award" tier');
  }
  tiers.forEach((tier, index) => {
    checkMoney(problems, asRecord(asRecord(tier)?.money), ['tiers', index, 'money'], admitted);
  });
  return keys;
}

function checkProcedure(problems: ProblemList, procedure: Record_ | undefined): void {
  if (!procedure) return;
  const stages = asArray(procedure.stages);
  const stageKeys = checkUnique(problems, stages, ['procedure', 'stages'], 'key', 'stage key');
  let previousOrder: number | undefined;
  let previousRank: { rank: number; kind: string; index: number } | undefined;
  stages.forEach((stage, index) => {
    const record = asRecord(stage);
    const order = asInt(record?.order);
    if (order !== undefined) {
      if (previousOrder !== undefined && order <= previousOrder) {
        problems.add(
          ['procedure', 'stages', index, 'order'],
          `stage order must increase along the list (${order} after ${previousOrder})`,
        );
      }
      previousOrder = order;
    }
    const kind = asString(record?.kind);
    const rank = kind === undefined ? undefined : stageRank[kind];
    if (kind !== undefined && rank !== undefined) {
      if (previousRank !== undefined && rank < previousRank.rank) {
        problems.add(
          ['procedure', 'stages', index, 'kind'],
          `a "${kind}" stage cannot come after "${previousRank.kind}" (procedure.stages[${previousRank.index}])`,
        );
      }
      if (previousRank === undefined || rank >= previousRank.rank) previousRank = { rank, kind, index };
    }
  });

  const notices = asArray(procedure.notices);
  const seen = new Map<string, number>();
  notices.forEach((notice, index) => {
    const record = asRecord(notice);
    const stage = asString(record?.stage);
    if (stage === undefined) return;
    if (!stageKeys.has(stage)) {
      problems.add(['procedure', 'notices', index, 'stage'], `no stage "${stage}" in procedure.stages`);
    }
    const id = `${stage}/${asString(record?.scope) ?? ''}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.add(
        ['procedure', 'notices', index, 'stage'],
        `a second ${asString(record?.scope) ?? ''} notice for stage "${stage}" (first at procedure.notices[${first}])`,
      );
    } else {
      seen.set(id, index);
    }
  });
}

function checkEligibility(problems: ProblemList, rules: readonly unknown[], admitted: ReadonlySet<string>): void {
  checkUnique(problems, rules, ['eligibility'], 'id', 'eligibility rule id');
  rules.forEach((rule, index) => {
    const record = asRecord(rule);
    checkKinds(problems, asArray(record?.appliesTo), admitted, ['eligibility', index, 'appliesTo'], 'rule for');
    if (asString(record?.kind) === 'min_years_operating') {
      const years = asInt(record?.years);
      const reduced = asInt(asRecord(record?.reduced)?.years);
      if (years !== undefined && reduced !== undefined && reduced >= years) {
        problems.add(
          ['eligibility', index, 'reduced', 'years'],
          `a reduced minimum (${reduced}) must be below ${years}`,
        );
      }
    }
  });
}

function checkConsequences(
  problems: ProblemList,
  rules: readonly unknown[],
  tierKeys: ReadonlySet<string>,
  tiers: readonly unknown[],
): void {
  checkUnique(problems, rules, ['consequences'], 'id', 'consequence rule id');
  const paysMoney = tiers.some((tier) => {
    const form = asString(asRecord(asRecord(tier)?.money)?.form);
    return form === 'prize' || form === 'grant';
  });
  rules.forEach((rule, index) => {
    const record = asRecord(rule);
    const path: Path = ['consequences', index];
    checkTierRefs(problems, asArray(record?.tiers), tierKeys, [...path, 'tiers']);
    const requiresAward = record?.requiresAward;
    const windowKind = asString(asRecord(record?.window)?.kind);
    if (windowKind === 'after_award' && requiresAward === false) {
      problems.add([...path, 'window'], 'a window after the award needs requiresAward: true');
    }
    const actions = asRecord(record?.actions);
    if (requiresAward === false) {
      for (const action of ['revoke', 'recoverCertificateAndPlaque', 'clawback'] as const) {
        if (actions?.[action] === true) {
          problems.add([...path, 'actions', action], `"${action}" takes something awarded: needs requiresAward: true`);
        }
      }
    }
    if (actions?.clawback === true && !paysMoney) {
      problems.add([...path, 'actions', 'clawback'], 'clawback, but no tier pays money (form "prize" or "grant")');
    }
    if (actions?.clawback === true && actions.revoke === false) {
      problems.add([...path, 'actions', 'clawback'], 'clawback without revocation');
    }
  });
}

function checkObligations(
  problems: ProblemList,
  obligations: Record_ | undefined,
  tierKeys: ReadonlySet<string>,
  tiers: readonly unknown[],
  admitted: ReadonlySet<string>,
): void {
  const reports = asArray(obligations?.reports);
  checkUnique(problems, reports, ['obligations', 'reports'], 'key', 'report key');
  reports.forEach((report, index) => {
    const record = asRecord(report);
    const path: Path = ['obligations', 'reports', index];
    const reportTiers = asArray(record?.tiers);
    checkTierRefs(problems, reportTiers, tierKeys, [...path, 'tiers']);
    checkKinds(problems, asArray(record?.applicantKinds), admitted, [...path, 'applicantKinds'], 'report for');
    const until = asString(asRecord(asRecord(record?.schedule)?.until)?.kind);
    if (until === 'title_validity') {
      for (const tierKey of reportTiers) {
        const tier = tiers.map(asRecord).find((candidate) => candidate?.key === tierKey);
        if (tier && tier.validity === null) {
          problems.add(
            [...path, 'schedule', 'until'],
            `"until title validity", but tier "${String(tierKey)}" has no validity`,
          );
        }
      }
    }
  });
}

function checkProvided(problems: ProblemList, section: Record_ | undefined, name: string): void {
  if (!section) return;
  if (section.provided === true && section.receiver === null) {
    problems.add([name, 'receiver'], `${name} are provided for: name who receives them`);
  }
  if (section.provided === true && section.basis === null) {
    problems.add([name, 'basis'], `${name} are provided for: cite the article`);
  }
  if (section.provided === false && asRecord(section.receiver)) {
    problems.add([name, 'receiver'], `${name} are not provided for, yet a receiver is named`);
  }
}

export function checkPolicyConsistency(document: unknown): PolicyProblem[] {
  const problems = new ProblemList();
  const doc = asRecord(document);
  if (!doc) return problems.items;

  checkRegulationDates(problems, asRecord(doc.regulation));

  const applicantKinds = asArray(asRecord(doc.applicants)?.kinds);
  const admitted = checkUnique(problems, applicantKinds, ['applicants', 'kinds'], 'kind', 'applicant kind');
  applicantKinds.forEach((entry, index) => {
    const record = asRecord(entry);
    if (
      record?.kind === 'individual' &&
      (Array.isArray(record.legalForms) || Array.isArray(record.organisationTypes))
    ) {
      problems.add(['applicants', 'kinds', index], 'individuals have no legal form or organisation type: use null');
    }
  });

  const tiers = asArray(doc.tiers);
  const tierKeys = checkTiers(problems, tiers, admitted);
  checkEligibility(problems, asArray(doc.eligibility), admitted);
  checkProcedure(problems, asRecord(doc.procedure));
  asArray(asRecord(doc.scoring)?.standards).forEach((standard, index) => {
    checkKinds(
      problems,
      asArray(asRecord(standard)?.appliesTo),
      admitted,
      ['scoring', 'standards', index, 'appliesTo'],
      'standard for',
    );
  });
  checkProvided(problems, asRecord(doc.objections), 'objections');
  checkProvided(problems, asRecord(doc.reports), 'reports');
  checkConsequences(problems, asArray(doc.consequences), tierKeys, tiers);
  checkObligations(problems, asRecord(doc.obligations), tierKeys, tiers, admitted);
  return [...problems.items, ...checkStageEntries(doc.procedure), ...checkExtensions(doc)];
}
