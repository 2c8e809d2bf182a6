import { formatFen } from './format-fen.util';
import type { Policy } from './policy.schema';
import { basisForms } from './policy-basics.schema';

/** What the CLI adds to a problem so a writer who never read the code knows the expected form. */

const FEN =
  'integer fen: 1 yuan = 100 fen, e.g. 20万元 → 20000000, 5000元 → 500000; null: the text states no amount (the office decides) or the kind may not apply';
const DATE =
  'a full ISO date YYYY-MM-DD (e.g. "2025-04-01"); `regulation.issued` may be YYYY-MM where the text gives no day; for a month-only in-force or expiry date write the day read and add "textGives": "month" with a note';

/** Fields where `null` is allowed, and what it means there. */
const NULL_MEANS: readonly (readonly [RegExp, string])[] = [
  [/regulation\.documentNumber$|replaces\.documentNumber$/, 'null: the text carries no 文号'],
  [/regulation\.expires$/, 'null: the text sets no expiry'],
  [/replaces\.issued$/, 'null: the text does not date the replaced regulation'],
  [/legalForms$|organisationTypes$/, 'null: the text does not restrict them (always null for individuals)'],
  [/\.reduced$/, 'null: no lower minimum'],
  [/\.waiver$/, 'null: nobody may waive the minimum'],
  [/lookbackYears$/, 'null: the text states no window (a person decides)'],
  [/money\.basis$/, 'null only with form "unspecified" (the text is silent)'],
  [/repeatWinner$/, 'null: no rule for a second win'],
  [/\.validity$/, 'null: the title has no validity period'],
  [/\.actor$/, 'null: the text names nobody'],
  [/\.channel$/, 'null: the text names no channel'],
  [/\.period$/, 'null: the text gives no period (the office sets it)'],
  [/\.within$/, 'null: the text gives no period (the office sets it)'],
  [
    /actions\.ban$/,
    'null: no ban; otherwise {unit: "years"|"cycles", count, from} or {unit: "permanent", from} for 不再受理',
  ],
  [/actions\.(creditRecord|approval|investigation)$/, 'null: not stated'],
  [/funding\.use$/, 'null: the text restricts no use'],
  [/obligations\.titleUse$/, 'null: no rules for using the title'],
  [/conduct\.\w+$/, 'null: the text says nothing on it'],
  [/standards\[\d+\]\.code$/, 'null: the standard has no number'],
  [/\.(decidedBy|receiver|examination|identity|anonymousAllowed)$/, 'null: the text says nothing (the office decides)'],
];

/** A hint for a problem at `path`: the expected form, where null is allowed and what it means. */
export function problemHint(path: string, reason: string): string | null {
  const hints: string[] = [];
  if (/\.fen\.(organisation|individual)$/.test(path)) hints.push(FEN);
  if (/(^|\.)basis$/.test(path) || /\.basis$/.test(path)) hints.push(`cite ${basisForms}`);
  if (/(issued|date)$/.test(path) && !reason.includes('YYYY')) hints.push(DATE);
  for (const [pattern, meaning] of NULL_MEANS) if (pattern.test(path)) hints.push(meaning);
  return hints.length > 0 ? hints.join('; ') : null;
}

export interface PolicyWarning {
  readonly path: string;
  readonly message: string;
}

/** Below 1万元 a quality award's money is most likely written in yuan, not fen. */
const LOOKS_LIKE_YUAN_BELOW_FEN = 1_000_000;

/** Things that validate but look wrong: an amount that looks like yuan. */
export function policyWarnings(policy: Policy): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  policy.tiers.forEach((tier, index) => {
    for (const kind of ['organisation', 'individual'] as const) {
      const fen = tier.money.fen[kind];
      if (fen === null || fen === 0 || fen >= LOOKS_LIKE_YUAN_BELOW_FEN) continue;
      warnings.push({
        path: `tiers[${index}].money.fen.${kind}`,
        message: `${fen} fen is only ¥${formatFen(fen)}: amounts are in fen, not yuan (¥${formatFen(fen * 100)} would be ${fen * 100})`,
      });
    }
  });
  return warnings;
}
