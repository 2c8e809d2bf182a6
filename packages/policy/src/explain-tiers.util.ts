import { formatFen } from './format-fen.util';
import type { LocalizedText, Policy, Tier } from './policy.schema';
import { untranscribedOf } from './untranscribed.util';

/** The tier lines of `explainPolicy`: quota (per kind), money (exact or cap), validity, applying again, notes. */

export const kindNames: Readonly<Record<string, LocalizedText>> = {
  organisation: { zh: '组织', en: 'organisation' },
  individual: { zh: '个人', en: 'individual' },
};

export function cite(basis: string | null | undefined): string {
  return basis === null || basis === undefined ? '' : `（${basis}）`;
}

export function both(text: LocalizedText): string {
  return text.zh === text.en ? text.zh : `${text.zh} / ${text.en}`;
}

/** "      注 Note: …" under an item, when the operator recorded one. */
export function noteLine(note: string | undefined, indent = '      '): string[] {
  return note ? [`${indent}注 Note: ${note}`] : [];
}

export const NOT_TRANSCRIBED = '尚未录入 / not yet transcribed';

export function notTranscribed(policy: Policy, section: Parameters<typeof untranscribedOf>[1]): string | null {
  const entry = untranscribedOf(policy, section);
  return entry ? `${NOT_TRANSCRIBED}${cite(entry.basis)}` : null;
}

const inPrinciple = (flag: boolean | undefined): { zh: string; en: string } =>
  flag ? { zh: '原则上', en: 'in principle ' } : { zh: '', en: '' };

function quota(tier: Tier): string[] {
  const q = tier.quota;
  const total =
    q.binding === 'in_principle'
      ? `原则上每届${q.max}个 / ${q.max} per cycle in principle (more only with a recorded reason)`
      : `每届不超过${q.max}个 / at most ${q.max} per cycle`;
  const lines = [`${total}${q.vacanciesAllowed ? '，可空缺 / vacancies allowed' : ''}${cite(q.basis)}`];
  for (const kind of ['organisation', 'individual'] as const) {
    const own = q.byKind?.[kind];
    if (!own) continue;
    const binding = own.binding ?? q.binding;
    const vacancies = own.vacanciesAllowed ?? q.vacanciesAllowed;
    const name = kindNames[kind] as LocalizedText;
    lines.push(
      `        ${name.zh}${binding === 'in_principle' ? `原则上${own.max}个` : `不超过${own.max}个`} / ${name.en}s ${binding === 'in_principle' ? 'in principle' : 'at most'} ${own.max}${vacancies ? '，可空缺 / vacancies allowed' : ''}${cite(own.basis ?? null)}`,
    );
    lines.push(...noteLine(own.note, '          '));
  }
  return lines;
}

function money(tier: Tier, policy: Policy): string {
  const pending = notTranscribed(policy, 'tiers.money');
  const { form, fen, basis, repeatWinner } = tier.money;
  if (form === 'unspecified')
    return pending ?? `未规定金额 / no amount stated${tier.money.note ? `（${tier.money.note}）` : ''}`;
  const parts: string[] = [];
  for (const entry of policy.applicants.kinds) {
    const amount = fen[entry.kind];
    const name = kindNames[entry.kind] ?? { zh: entry.kind, en: entry.kind };
    const cap = tier.money.amountIs?.[entry.kind] === 'cap';
    const shown =
      amount === null
        ? '—'
        : cap
          ? `不超过¥${formatFen(amount)}，具体金额由决定记录 / up to ¥${formatFen(amount)}, the amount a recorded decision`
          : `¥${formatFen(amount)}`;
    parts.push(`${name.zh} ${name.en} ${shown}`);
  }
  const formName =
    form === 'prize' ? '奖金 prize' : form === 'grant' ? '资助资金 grant' : '无现金奖励 no money (honours, support)';
  const repeat = repeatWinner ? `；再次获奖不再给予资金 / no second payment${cite(repeatWinner.basis)}` : '';
  const principle = tier.money.inPrinciple ? '原则上 / in principle: ' : '';
  return `${principle}${formName}: ${parts.join('; ')}${cite(basis)}${repeat}`;
}

function reapplication(tier: Tier, policy: Policy): string {
  const rule = tier.reapplication;
  const cycleYears = policy.cycle.years;
  if (rule.rule === 'unrestricted') return `可再次申报 / may apply again${cite(rule.basis)}`;
  if (rule.rule === 'unspecified')
    return notTranscribed(policy, 'tiers.reapplication') ?? '办法未规定，由人工决定 / not stated: the office decides';
  const { unit, count } = rule.length;
  const p = inPrinciple(rule.inPrinciple);
  return unit === 'years'
    ? `获奖后${count}年内${p.zh}不得再次申报 / ${p.en}not within ${count} years of winning${cite(rule.basis)}`
    : `获奖后${count}个评选周期内${p.zh}不得再次申报 / ${p.en}not within the next ${count} cycles (${count * cycleYears} years)${cite(rule.basis)}`;
}

function validity(tier: Tier, policy: Policy): string {
  const v = tier.validity;
  if (!v) return notTranscribed(policy, 'tiers.validity') ?? '未规定 / not stated';
  const p = inPrinciple(v.inPrinciple);
  return `${p.zh}${v.years}年 / ${p.en}${v.years} years${v.onExpiry === 're_evaluation' ? '，期满重新考核 / re-evaluated at expiry' : ''}${cite(v.basis)}`;
}

export function tierLines(tier: Tier, policy: Policy): string[] {
  const pendingQuota = notTranscribed(policy, 'tiers.quota');
  const [first, ...perKind] = quota(tier);
  const lines = [`  - ${both(tier.name)}: ${pendingQuota ?? first}`];
  if (!pendingQuota) {
    lines.push(...perKind);
    lines.push(...noteLine(tier.quota.note));
  }
  lines.push(`      奖励 Money: ${money(tier, policy)}`);
  if (tier.money.form !== 'unspecified') lines.push(...noteLine(tier.money.note));
  lines.push(`      有效期 Validity: ${validity(tier, policy)}`);
  lines.push(...noteLine(tier.validity?.note));
  lines.push(`      再次申报 Applying again: ${reapplication(tier, policy)}`);
  lines.push(...noteLine(tier.reapplication.note));
  return lines;
}
