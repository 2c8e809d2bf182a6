import {
  accountKindLabels,
  type EntitlementView,
  entitlementStatusLabels,
  type RecipientStatementView,
  type TrialBalanceView,
} from '@laurel/contracts';
import type { XlsxColumn, XlsxTable } from '@laurel/platform';

// The layouts finance offices keep: headers in Chinese, amounts in 元 as numbers with two decimals, a totals row
// (合计) last. Amounts travel in integer fen; they become yuan only here, for the file.

const YUAN = '#,##0.00';
const yuan = (fen: number): number => fen / 100;
const money = <Row>(key: keyof Row & string, header: string): XlsxColumn<Row> => ({
  key,
  header,
  width: 16,
  numFmt: YUAN,
});
const sum = <Row>(rows: readonly Row[], of: (row: Row) => number): number => rows.reduce((s, row) => s + of(row), 0);

interface TrialBalanceLine {
  account: string;
  recipient: string;
  debitsPosted: number;
  creditsPosted: number;
  debitsPending: number;
  creditsPending: number;
  balance: number;
  matches: string;
}

/** 试算平衡表: each account's posted and pending sums and its balance (debit positive), then the totals. */
export function trialBalanceTable(view: TrialBalanceView): XlsxTable<TrialBalanceLine> {
  const rows: TrialBalanceLine[] = view.rows.map((r) => ({
    account: accountKindLabels[r.kind].zh,
    recipient: r.recipientName ?? '',
    debitsPosted: yuan(r.debitsPosted),
    creditsPosted: yuan(r.creditsPosted),
    debitsPending: yuan(r.debitsPending),
    creditsPending: yuan(r.creditsPending),
    balance: yuan(r.balance),
    matches: r.matchesTransfers ? '相符' : '不符',
  }));
  rows.push({
    account: '合计',
    recipient: view.balanced ? '借贷平衡' : '借贷不平衡',
    debitsPosted: yuan(view.totals.debitsPosted),
    creditsPosted: yuan(view.totals.creditsPosted),
    debitsPending: yuan(view.totals.debitsPending),
    creditsPending: yuan(view.totals.creditsPending),
    balance: yuan(sum(view.rows, (r) => r.balance)),
    matches: '',
  });
  return {
    sheet: `${view.budgetYear}年度试算平衡表`,
    columns: [
      { key: 'account', header: '会计科目', width: 18 },
      { key: 'recipient', header: '收款单位', width: 30 },
      money('debitsPosted', '借方发生额（元）'),
      money('creditsPosted', '贷方发生额（元）'),
      money('debitsPending', '未达借方（元）'),
      money('creditsPending', '未达贷方（元）'),
      money('balance', '余额（元，借方为正）'),
      { key: 'matches', header: '与分录核对', width: 12 },
    ],
    rows,
  };
}

interface StatementLine {
  at: string;
  debit: string;
  credit: string;
  amount: number;
  reference: string;
  actor: string;
}

/** 对账单: the recipient's transfers in order, then their total. */
export function statementTable(view: RecipientStatementView): XlsxTable<StatementLine> {
  const rows: StatementLine[] = view.lines.map((l) => ({
    at: l.at.slice(0, 10),
    debit: accountKindLabels[l.debit].zh,
    credit: accountKindLabels[l.credit].zh,
    amount: yuan(l.amountFen),
    reference: l.reference,
    actor: l.actor ?? '',
  }));
  rows.push({
    at: '合计',
    debit: '',
    credit: '',
    amount: yuan(sum(view.lines, (l) => l.amountFen)),
    reference: '',
    actor: '',
  });
  return {
    sheet: `${view.budgetYear}年度对账单`,
    columns: [
      { key: 'at', header: '日期', width: 12 },
      { key: 'debit', header: '借方科目', width: 16 },
      { key: 'credit', header: '贷方科目', width: 16 },
      money('amount', '金额（元）'),
      { key: 'reference', header: '凭证号', width: 30 },
      { key: 'actor', header: '经办人', width: 14 },
    ],
    rows,
  };
}

interface EntitlementLine {
  applicantName: string;
  cycle: string;
  budgetYear: number | string;
  basis: string;
  status: string;
  cap: number | null;
  amount: number | null;
  decision: string;
  paid: number;
  pending: number;
  outstanding: number;
}

/** 奖补资金明细表: each winner's entitlement, what is paid, pending and owed, then the totals. */
export function entitlementsTable(entitlements: readonly EntitlementView[]): XlsxTable<EntitlementLine> {
  const rows: EntitlementLine[] = entitlements.map((e) => ({
    applicantName: e.applicantName,
    cycle: `第${e.cycleNumber}届`,
    budgetYear: e.budgetYear,
    basis: e.basis ?? '',
    status: entitlementStatusLabels[e.status].zh,
    cap: e.capFen === null ? null : yuan(e.capFen),
    amount: e.amountFen === null ? null : yuan(e.amountFen),
    decision: e.amountDecision
      ? `${e.amountDecision.decidedBy} ${e.amountDecision.document}：${e.amountDecision.reason}`
      : '',
    paid: yuan(e.paidFen),
    pending: yuan(e.pendingFen),
    outstanding: yuan(e.outstandingFen),
  }));
  rows.push({
    applicantName: '合计',
    cycle: '',
    budgetYear: '',
    basis: '',
    status: '',
    cap: null,
    amount: yuan(sum(entitlements, (e) => e.amountFen ?? 0)),
    decision: '',
    paid: yuan(sum(entitlements, (e) => e.paidFen)),
    pending: yuan(sum(entitlements, (e) => e.pendingFen)),
    outstanding: yuan(sum(entitlements, (e) => e.outstandingFen)),
  });
  return {
    sheet: '奖补资金明细表',
    columns: [
      { key: 'applicantName', header: '获奖单位', width: 30 },
      { key: 'cycle', header: '届次', width: 8 },
      { key: 'budgetYear', header: '预算年度', width: 10 },
      { key: 'basis', header: '依据', width: 14 },
      { key: 'status', header: '状态', width: 12 },
      money('cap', '上限（元）'),
      money('amount', '应得金额（元）'),
      { key: 'decision', header: '金额决定（机关、文号、理由）', width: 36 },
      money('paid', '已拨付（元）'),
      money('pending', '待国库支付（元）'),
      money('outstanding', '尚未拨付（元）'),
    ],
    rows,
  };
}
