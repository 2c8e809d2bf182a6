import type { Bilingual } from '../i18n/language';

/** A use report's history actions (the funds service's lifecycle names) as finance offices and winners say them. */
export const USE_REPORT_ACTIONS: Record<string, Bilingual> = {
  draft: { zh: '填写', en: 'Drafted' },
  edit: { zh: '修改', en: 'Edited' },
  submit: { zh: '报送', en: 'Submitted' },
  resubmit: { zh: '重新报送', en: 'Resubmitted' },
  query: { zh: '质询', en: 'Queried' },
  accept: { zh: '认可', en: 'Accepted' },
};

/** The action's words, or its name where it has none. */
export const reportActionLabel = (action: string): Bilingual =>
  USE_REPORT_ACTIONS[action] ?? { zh: action, en: action };
