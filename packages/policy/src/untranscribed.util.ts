import type { LocalizedText, Policy, PolicySection, Untranscribed } from './policy.schema';

/** The entry saying a part of the text is not transcribed yet, or undefined when the part is transcribed. */
export function untranscribedOf(policy: Policy, section: PolicySection): Untranscribed | undefined {
  return policy.untranscribed?.find((entry) => entry.section === section);
}

/** "尚未录入" with the articles left, for a reason an evaluator gives instead of "the text says nothing". */
export function notTranscribedReason(entry: Untranscribed): LocalizedText {
  const where = entry.basis ? `（${entry.basis}）` : '';
  return {
    zh: `该部分条文尚未录入${where}，由办公室按原文处理`,
    en: `this part of the text is not transcribed yet${entry.basis ? ` (${entry.basis})` : ''}; the office applies the text by hand`,
  };
}
