import type { CompositeView, StageResultView } from '@laurel/contracts';
import { renderPdf } from '@laurel/platform';
import { extractPdfTextCompact } from '@laurel/testing';
import { compositeReportDocument, renderCompositeReport } from './composite-report.util';

const composite: CompositeView = {
  cycleNumber: 1,
  method: 'scored',
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
  assessments: [],
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
    reportName: '综合评审报告',
    reviews: [],
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
          reportName: '综合评审报告',
          reviews: [],
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

describe('the report where nothing is scored (ili 第十六条)', () => {
  const assessed: CompositeView = {
    cycleNumber: 2,
    method: 'assessed',
    stages: ['defense', 'onsite'],
    basis: 'ili 第十六条',
    weights: null,
    pending: [{ zh: '尚有 1 个申报未记录综合意见（ili 第十六条）', en: '1 application(s) without' }],
    ranking: [],
    incomplete: [
      {
        applicationId: '00000000-0000-4000-8000-000000000003',
        applicantName: '丙公司',
        missing: ['composite'],
        skipped: null,
      },
    ],
    kindRules: [],
    assessments: [
      {
        applicationId: '00000000-0000-4000-8000-000000000001',
        applicantName: '甲<公司>',
        applicantKind: 'organisation',
        outcome: 'recommended',
        opinion: '陈述答辩与现场评审意见一致，质量管理成效突出',
        reason: '两组评审意见均为通过',
        basis: 'ili 第十六条',
        decidedBy: 'office',
        decidedAt: '2026-12-07T00:00:00.000Z',
      },
      {
        applicationId: '00000000-0000-4000-8000-000000000002',
        applicantName: '乙公司',
        applicantKind: 'organisation',
        outcome: 'not_recommended',
        opinion: '现场评审发现计量管理不足',
        reason: '现场评审意见保留',
        basis: 'ili 第十六条',
        decidedBy: 'office',
        decidedAt: '2026-12-07T00:00:00.000Z',
      },
    ],
  };
  const input = {
    jurisdiction: '伊犁哈萨克自治州人民政府质量奖',
    reportName: '综合评审报告',
    reviews: [
      {
        stageKey: 'onsite',
        rows: [{ applicantName: '甲<公司>', applicantKind: 'organisation', outcome: 'went_on', reason: '通过' }],
      },
    ],
    stageNames: { onsite: '现场评审', defense: '陈述答辩' },
    composite: assessed,
    stages: [],
    generatedAt: '2026-12-07T00:00:00.000Z',
  };

  it('shows each recorded conclusion with its opinion and reason, the list, what is missing, and no scores', () => {
    const html = renderCompositeReport(input);
    expect(html).toContain('综合评审报告（第2届）');
    expect(html).toContain('综合意见（组织）');
    expect(html).toContain('<td>不推荐</td><td>现场评审发现计量管理不足</td><td>现场评审意见保留</td>');
    expect(html).toContain('推荐名单（按受理顺序，不表示名次）：甲&lt;公司&gt;');
    expect(html).toContain('尚未记录综合意见：丙公司');
    expect(html).toContain('环节：现场评审（评审结果）');
    expect(html).not.toContain('离群评分');
    expect(html).not.toContain('综合排名');
  });

  it('is the same as a PDF', async () => {
    const pdf = await renderPdf(compositeReportDocument(input, new Date('2026-12-07T00:00:00.000Z')));
    const all = (await extractPdfTextCompact(pdf)).text.replace(/\s+/g, '');
    for (const expected of ['综合评审报告（第2届）', '综合意见（组织）', '不推荐', '现场评审意见保留', '丙公司']) {
      expect(all).toContain(expected);
    }
  });
});
