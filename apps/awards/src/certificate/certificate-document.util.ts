import type { PdfDocumentSpec } from '@laurel/platform';
import type { TitleUseRules } from '@laurel/policy';

export interface CertificateContent {
  readonly number: string;
  readonly programmeName: string;
  readonly tierName: string;
  readonly holderName: string;
  readonly year: number;
  readonly cycleNumber: number;
  readonly validFrom: string;
  /** null: the regulation gives the title no validity period. */
  readonly validUntil: string | null;
  readonly validityBasis: string;
  /** The commendation decision (审定): the approving body, its 文号 and date. */
  readonly decision: { readonly approvingBody: string; readonly documentNumber: string; readonly decidedOn: string };
  readonly useRules: TitleUseRules;
  /** The public page the QR code points at. */
  readonly verifyUrl: string;
  readonly issuedAt: Date;
}

const chineseDate = (iso: string): string => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

/** The certificate (证书) of a title as a document for the platform's PDF module: Chinese text, use rules, QR code. */
export function certificateDocument(content: CertificateContent): PdfDocumentSpec {
  const validity = content.validUntil
    ? `${chineseDate(content.validFrom)}至${chineseDate(content.validUntil)}（${content.validityBasis}）`
    : `自${chineseDate(content.validFrom)}起，至被撤销时止（管理办法未规定有效期）`;
  const useRules = content.useRules.lines.length
    ? [
        { kind: 'heading' as const, text: `称号使用规定（${content.useRules.basis}）` },
        ...content.useRules.lines.map((line, index) => ({
          kind: 'paragraph' as const,
          text: `${index + 1}. ${line}。`,
        })),
      ]
    : [];
  return {
    title: '荣誉证书',
    subtitle: `证书编号：${content.number}`,
    blocks: [
      { kind: 'space', lines: 1 },
      {
        kind: 'paragraph',
        align: 'center',
        text: `${content.holderName}：`,
      },
      {
        kind: 'paragraph',
        align: 'center',
        text: `荣获${content.year}年度${content.programmeName}（${content.tierName}）。特发此证。`,
      },
      { kind: 'space', lines: 1 },
      {
        kind: 'table',
        rows: [
          ['获奖者', content.holderName],
          ['奖项', `${content.programmeName}（${content.tierName}）`],
          ['年度 / 届次', `${content.year}年度 / 第${content.cycleNumber}届`],
          ['有效期', validity],
          [
            '表彰决定',
            `${content.decision.approvingBody} ${content.decision.documentNumber}（${chineseDate(content.decision.decidedOn)}）`,
          ],
        ],
        widths: [110, 373],
      },
      ...useRules,
      { kind: 'space', lines: 1 },
      { kind: 'qr', value: content.verifyUrl, size: 110, caption: `扫码核验证书真伪与状态：${content.verifyUrl}` },
    ],
    footer: `${content.programmeName} · 证书编号 ${content.number}`,
    info: { subject: `${content.programmeName}证书 ${content.number}`, author: content.decision.approvingBody },
    createdAt: content.issuedAt,
  };
}
