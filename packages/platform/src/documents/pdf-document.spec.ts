import { extractPdfTextCompact as textOf } from '@laurel/testing';
import { renderPdf } from './pdf-document';

describe('renderPdf', () => {
  it('embeds a CJK font and the Chinese text extracts back', async () => {
    const pdf = await renderPdf({
      title: '质量奖荣誉证书',
      subtitle: '证书编号 LX-2026-000123',
      blocks: [
        { kind: 'heading', text: '获奖组织' },
        { kind: 'paragraph', text: '临夏州某某机械制造有限公司荣获2026年度临夏州州长质量奖。' },
        {
          kind: 'table',
          header: true,
          rows: [
            ['等级', '年度'],
            ['州长质量奖', '2026'],
          ],
        },
        { kind: 'qr', value: 'https://laurel.example/p/linxia/certificates/LX-2026-000123', caption: '扫码核验' },
      ],
      footer: '临夏州市场监督管理局',
      createdAt: new Date('2026-07-01T00:00:00Z'),
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The font is embedded (a subset of Noto Sans SC), not a system font the reader substitutes.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2 /);
    expect(pdf.toString('latin1')).toMatch(/NotoSansSC/);
    const { pages, text } = await textOf(pdf);
    expect(pages).toBe(1);
    for (const phrase of [
      '质量奖荣誉证书',
      'LX-2026-000123',
      '临夏州某某机械制造有限公司荣获2026年度临夏州州长质量奖',
      '州长质量奖',
      '扫码核验',
      '临夏州市场监督管理局',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('breaks long content over pages and numbers the footer on each', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`第${i + 1}行`, '追回奖金']);
    const pdf = await renderPdf({
      title: '追缴通知书',
      blocks: [{ kind: 'table', rows }],
      footer: '页脚',
      createdAt: new Date('2026-12-07T02:00:00Z'),
    });
    const { pages, text } = await textOf(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('第80行');
    expect(text).toContain(`页脚·${pages}/${pages}`);
  });
});
