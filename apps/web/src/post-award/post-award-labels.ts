import type { Bilingual } from '../i18n/language';

export const VERDICT_LABELS: Record<string, { text: Bilingual; color: string }> = {
  valid: { text: { zh: '有效', en: 'Valid' }, color: 'success' },
  expired: { text: { zh: '已过有效期', en: 'Expired' }, color: 'default' },
  lost: { text: { zh: '复评后已取消称号', en: 'Lost at re-evaluation' }, color: 'warning' },
  revoked: { text: { zh: '已撤销', en: 'Revoked' }, color: 'error' },
};

export const TITLE_STATUS_LABELS: Record<string, Bilingual> = {
  active: { zh: '有效', en: 'Active' },
  expired: { zh: '已到期', en: 'Expired' },
  under_re_evaluation: { zh: '复评中', en: 'Under re-evaluation' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  lost: { zh: '已取消', en: 'Lost' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

export const DUTY_STATUS_LABELS: Record<string, { text: Bilingual; color: string }> = {
  open: { text: { zh: '待报送', en: 'Open' }, color: 'processing' },
  submitted: { text: { zh: '已报送', en: 'Submitted' }, color: 'success' },
  overdue: { text: { zh: '已逾期', en: 'Overdue' }, color: 'error' },
};
