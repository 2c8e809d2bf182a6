import { shanghaiDateOf } from '@laurel/calendar';
import type { ClawbackCaseView } from '@laurel/contracts';
import type { PdfDocumentSpec } from '@laurel/platform';
import { formatFen } from '@laurel/policy';

const yuan = (fen: number) => `${formatFen(fen)} 元`;

/**
 * The demand letter (追缴通知书) of a clawback case as a document spec: the recipient, the basis with its article, what
 * was paid and is claimed back, what was recovered, what is outstanding, the due date or the agreed instalments.
 */
export function demandLetterDocument(view: ClawbackCaseView, issuedAt: Date): PdfDocumentSpec {
  if (!view.dueOn) throw new Error('a demand letter needs a due date');
  const blocks: PdfDocumentSpec['blocks'] = [
    { kind: 'paragraph', text: `${view.applicantName}：` },
    {
      kind: 'paragraph',
      text:
        `你单位于 ${view.awardedOn} 获得的质量奖称号已于 ${view.revokedOn} 被撤销。依据${view.basis}，` +
        `应追缴该称号项下已拨付的奖励资金 ${yuan(view.amountFen)}。`,
    },
    {
      kind: 'table',
      header: true,
      rows: [
        ['项目', '金额'],
        ['应追缴金额', yuan(view.amountFen)],
        ['已追回', yuan(view.recoveredFen)],
        ['已核销', yuan(view.writtenOffFen)],
        ['尚欠金额', yuan(view.outstandingFen)],
      ],
    },
  ];
  if (view.instalments) {
    blocks.push(
      { kind: 'heading', text: `分期还款（协议：${view.agreementDocument ?? ''}）` },
      {
        kind: 'table',
        header: true,
        rows: [
          ['期次', '还款期限', '金额'],
          ...view.instalments.map((i, n) => [`第 ${n + 1} 期`, i.dueOn, yuan(i.amountFen)]),
        ],
      },
    );
  }
  blocks.push(
    {
      kind: 'paragraph',
      text: `请于 ${view.dueOn} 前缴回尚欠款项 ${yuan(view.outstandingFen)}（缴款方式以财政部门出具的缴款书为准）。逾期未缴的，将依规定催缴并上报处理。`,
    },
    { kind: 'space' },
    { kind: 'paragraph', text: `开具日期：${shanghaiDateOf(issuedAt)}`, align: 'right' },
  );
  return {
    title: '质量奖奖励资金追缴通知书',
    subtitle: `案件编号 ${view.id}`,
    blocks,
    footer: `追缴案件 ${view.id}`,
    info: { subject: '追缴通知书', keywords: view.basis },
    createdAt: issuedAt,
  };
}
