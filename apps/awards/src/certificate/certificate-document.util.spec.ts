import { renderPdf } from '@laurel/platform';
import { loadLaunchPolicy, titleUseRules } from '@laurel/policy';
import { extractPdfTextCompact } from '@laurel/testing';
import { certificateDocument } from './certificate-document.util';

describe('certificateDocument', () => {
  it('renders a certificate whose Chinese text, use rules and number extract from the PDF', async () => {
    const pdf = await renderPdf(
      certificateDocument({
        number: '2026-0001-K7Q2M9',
        programmeName: '伊犁州州长质量奖',
        tierName: '质量奖',
        holderName: '伊犁某某乳业有限责任公司',
        year: 2026,
        cycleNumber: 1,
        validFrom: '2026-12-01',
        validUntil: null,
        validityBasis: '—',
        decision: { approvingBody: '伊犁州人民政府', documentNumber: '伊州政发〔2026〕12号', decidedOn: '2026-11-28' },
        useRules: titleUseRules(loadLaunchPolicy('ili'), 2026),
        verifyUrl: 'https://laurel.test/p/ili/certificates/2026-0001-K7Q2M9',
        issuedAt: new Date('2026-12-01T02:00:00Z'),
      }),
    );
    const { pages, text } = await extractPdfTextCompact(pdf);
    expect(pages).toBe(1);
    for (const phrase of [
      '荣誉证书',
      '证书编号：2026-0001-K7Q2M9',
      '伊犁某某乳业有限责任公司',
      '荣获2026年度伊犁州州长质量奖（质量奖）',
      '伊州政发〔2026〕12号',
      '称号使用规定（第二十七条）',
      '须注明获奖年份（2026年度）',
      '不得用于产品、服务的标识',
      '扫码核验',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
