import type { Bilingual } from '../../i18n/language';

/** How a review stage's state reads. */
export const REVIEW_STAGE_STATUS: Record<string, Bilingual & { color: string }> = {
  planned: { zh: '未开始', en: 'Planned', color: 'default' },
  open: { zh: '进行中', en: 'Open', color: 'processing' },
  closed: { zh: '已结束', en: 'Closed', color: 'success' },
};

/** How the entry rule's finding for an application reads. */
export const ENTRY_DECISION: Record<string, Bilingual & { color: string }> = {
  enters: { zh: '进入', en: 'Enters', color: 'green' },
  skips: { zh: '不参加本环节', en: 'Skips', color: 'blue' },
  stays_out: { zh: '未进入', en: 'Stays out', color: 'default' },
  office_decides: { zh: '由办公室决定', en: 'Office decides', color: 'orange' },
};
