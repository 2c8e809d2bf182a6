import type { CompositeView, StageResultView } from '@laurel/contracts';
import { renderPdf } from '@laurel/platform';
import { extractPdfTextCompact } from '@laurel/testing';
import { compositeReportDocument, renderCompositeReport } from './composite-report.util';

const composite: CompositeView = {
  cycleNumber: 1,
  stages: ['onsite', 'defense'],
  basis: 'inner-mongolia 第十五条',
  weights: {
    values: { onsite: 6, defense: 4 },
    source: 'office_decision',
    reason: '办公室会议',
    decidedBy: 'office',
    decidedAt: '2026-12-07T00:00:00.000Z',
  },
  pending: [],
  ranking: [
    {
      applicationId: '00000000-0000-4000-8000-000000000001',
      applicantName: '甲<公司>',
      applicantKind: 'organisation',
      score: 800,
      rank: 1,
      tiedWith: ['00000000-0000-4000-8000-000000000002'],
      stages: { onsite: 800, defense: 800 },
    },
    {
      applicationId: '00000000-0000-4000-8000-000000000002',
      applicantName: '乙公司',
      applicantKind: 'organisation',
      score: 800,
      rank: 1,
      tiedWith: ['00000000-0000-4000-8000-000000000001'],
      stages: { onsite: 800, defense: 800 },
    },
  ],
  incomplete: [],
  kindRules: [],
};

const stage = {
  cycleNumber: 1,
  stageKey: 'onsite',
  applications: [],
  sheets: [
    {
      sheetId: '00000000-0000-4000-8000-000000000009',
      applicationId: '00000000-0000-4000-8000-000000000001',
      applicantName: '甲<公司>',
      expertId: '00000000-0000-4000-8000-000000000008',
      expertName: '王专家',
      raw: 300,
      counted: null,
      normalised: null,
      method: null,
      flag: { reasons: ['gap'], robustZ: -6.1, restMedian: 800, gap: -500 },
      consensus: {
        outcome: 'exclude',
        adjustedTotal: null,
        reason: '漏评结果部分',
        decidedBy: 'office',
        decidedAt: '2026-12-07T00:00:00.000Z',
      },
    },
  ],
} as unknown as StageResultView;

describe('renderCompositeReport', () => {
  const html = renderCompositeReport({
    jurisdiction: '内蒙古自治区主席质量奖',
    stageNames: { onsite: '现场评审', defense: '陈述答辩' },
    composite,
    stages: [stage],
    generatedAt: '2026-12-07T00:00:00.000Z',
  });

  it('is a zh-CN document with the ranking (ties marked), the weights and their source, stage names', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('综合评审报告（第1届）');
    expect(html).toContain('1（并列）');
    expect(html).toContain('现场评审: 6');
    expect(html).toContain('办公室记录：办公室会议');
  });

  it('lists every flagged sheet with its consensus, and escapes names', () => {
    expect(html).toContain('剔除，理由：漏评结果部分');
    expect(html).toContain('甲&lt;公司&gt;');
    expect(html).not.toContain('甲<公司>');
  });
});

describe('compositeReportDocument', () => {
  it('is the same report as a PDF: ranking per kind, stages and consensus, Chinese text extractable', async () => {
    const twoKinds = {
      ...composite,
      ranking: [
        ...composite.ranking,
        {
          applicationId: '00000000-0000-4000-8000-000000000003',
          applicantName: '马六',
          applicantKind: 'individual' as const,
          score: 720,
          rank: 1,
          tiedWith: [],
          stages: { onsite: 720, defense: 720 },
        },
      ],
    };
    const pdf = await renderPdf(
      compositeReportDocument(
        {
          jurisdiction: '临夏县县长质量奖',
          stageNames: { onsite: '现场评审', defense: '陈述答辩' },
          composite: twoKinds,
          stages: [stage],
          generatedAt: '2026-12-07T00:00:00.000Z',
        },
        new Date('2026-12-07T00:00:00.000Z'),
      ),
    );
    const { text } = await extractPdfTextCompact(pdf);
    const all = text.replace(/\s+/g, '');
    for (const expected of [
      '综合评审报告（第1届）',
      '综合排名（组织）',
      '综合排名（个人）',
      '马六',
      '720.00',
      '甲<公司>',
      '剔除，理由：漏评结果部分',
    ]) {
      expect(all).toContain(expected);
    }
  });
});
