import type { CompositeView, StageResultView } from '@laurel/contracts';
import type { ReviewOutcomes } from './assessed-composite.service';

const fixed = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const outcomeLabels = { keep: '保留', adjust: '调整', exclude: '剔除' } as const;
const kindLabels: Record<string, string> = { organisation: '组织', individual: '个人' };
const KIND_ORDER = ['organisation', 'individual'];
const assessmentLabels = { recommended: '推荐', not_recommended: '不推荐' } as const;
const reviewOutcomeLabels: Record<string, string> = { went_on: '通过', stopped: '未通过' };

export interface CompositeReportInput {
  jurisdiction: string;
  /** The report's name: 综合评审报告, or the policy's name of its composite stage where nothing is scored. */
  reportName: string;
  /** Where nothing is scored: the results of the review stages the composite is formed from. */
  reviews: readonly ReviewOutcomes[];
  /** zh names of the policy's stages by key. */
  stageNames: Readonly<Record<string, string>>;
  composite: CompositeView;
  stages: readonly StageResultView[];
  generatedAt: string;
}

/** A table of the report: a caption, the header and the rows, all plain text (each renderer escapes its own way). */
export interface ReportTable {
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The composite report's content, once: the HTML and the PDF render the same text. */
export interface CompositeReportModel {
  readonly title: string;
  readonly lines: readonly string[];
  readonly pending: string | null;
  /** Heading of the rankings section (shown alone with 无 when there are none). */
  readonly rankingsCaption: string;
  /**
   * One ranking per applicant kind (organisations and individuals compete separately); where nothing is scored, the
   * office's assessment per kind.
   */
  readonly rankings: readonly ReportTable[];
  readonly notes: readonly string[];
  /** Per stage its table; `flags` null where the stage is not scored (no outliers to show). */
  readonly stages: readonly { table: ReportTable; flags: readonly string[] | null }[];
  readonly generated: string;
}

/**
 * The composite report (综合评审报告): the ranking per applicant kind with each stage's score, the weights and where
 * they come from, and per stage the raw and normalised scores with every flagged sheet and the consensus recorded on
 * it (nothing dropped silently). Pure.
 */
export function compositeReportModel(input: CompositeReportInput): CompositeReportModel {
  if (input.composite.method === 'assessed') return assessedReportModel(input);
  const { composite } = input;
  const stageName = (key: string) => input.stageNames[key] ?? key;
  const weights = composite.weights
    ? `${Object.entries(composite.weights.values)
        .map(([stage, weight]) => `${stageName(stage)}: ${weight}`)
        .join(
          '；',
        )}（${composite.weights.source === 'policy' ? '政策规定' : `办公室记录：${composite.weights.reason ?? ''}，${composite.weights.decidedBy ?? ''}，${composite.weights.decidedAt ?? ''}`}）`
    : '尚未记录';
  const kinds = [...new Set(composite.ranking.map((row) => row.applicantKind))].sort(
    (a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b),
  );
  const rankings = kinds.map((kind) => ({
    caption: `综合排名（${kindLabels[kind] ?? kind}）`,
    header: ['名次', kind === 'individual' ? '申报个人' : '申报组织', ...composite.stages.map(stageName), '综合得分'],
    rows: composite.ranking
      .filter((row) => row.applicantKind === kind)
      .map((row) => [
        `${row.rank}${row.tiedWith.length > 0 ? '（并列）' : ''}`,
        row.applicantName,
        ...composite.stages.map((stage) => fixed(row.stages[stage] ?? null)),
        fixed(row.score),
      ]),
  }));
  const notes: string[] = [];
  if (composite.incomplete.length > 0) {
    notes.push(
      `缺少环节分数、未纳入排名：${composite.incomplete
        .map(
          (row) =>
            `${row.applicantName}（缺 ${row.missing.map(stageName).join('、')}${row.skipped ? `：按 ${row.skipped.basis} 不参加，综合方式待办公室决定` : ''}）`,
        )
        .join('；')}`,
    );
  }
  for (const rule of composite.kindRules) {
    notes.push(
      `${kindLabels[rule.applicantKind]}的综合评分（${rule.basis}）：办公室决定按 ${Object.entries(rule.weights)
        .map(([stage, weight]) => `${stageName(stage)} ${weight}`)
        .join('、')} 综合（${rule.decidedBy ?? ''}，${rule.decidedAt.slice(0, 10)}：${rule.reason}）`,
    );
  }
  const stages = input.stages.map((stage) => ({
    table: {
      caption: `环节：${stageName(stage.stageKey)}`,
      header: ['申报者', '类别', '有效评分表', '原始均分', '标准化均分'],
      rows: stage.applications.map((row) => [
        row.applicantName,
        kindLabels[row.applicantKind] ?? row.applicantKind,
        String(row.sheets),
        fixed(row.raw),
        fixed(row.normalised),
      ]),
    },
    flags: stage.sheets
      .filter((sheet) => sheet.flag)
      .map(
        (sheet) =>
          `${sheet.applicantName} / ${sheet.expertName}：原始总分 ${sheet.raw}，其余专家中位数 ${sheet.flag?.restMedian}，稳健 z 值 ${sheet.flag?.robustZ}；合议：${
            sheet.consensus
              ? `${outcomeLabels[sheet.consensus.outcome]}${sheet.consensus.adjustedTotal !== null ? ` 为 ${sheet.consensus.adjustedTotal}` : ''}，理由：${sheet.consensus.reason}（${sheet.consensus.decidedBy ?? ''}）`
              : '尚未合议'
          }`,
      ),
  }));
  return {
    title: `${input.jurisdiction} ${input.reportName}（第${composite.cycleNumber}届）`,
    rankingsCaption: '综合排名',
    lines: [
      `依据：${composite.basis}。综合环节：${composite.stages.map(stageName).join('、')}。权重：${weights}。`,
      '各环节分数为专家评分经宽严校正（标准化）后的均值；原始分数与标准化分数并列于各环节表中。组织与个人分别排名。',
    ],
    pending: composite.pending.length > 0 ? composite.pending.map((p) => p.zh).join('；') : null,
    rankings,
    notes,
    stages,
    generated: `生成时间：${input.generatedAt}`,
  };
}

/**
 * The report where nothing is scored (ili 第十六条, xinzhou-district 第十三条): per applicant kind the office's recorded
 * conclusion, opinion and reason, and the results of the review stages it was formed from. No ranking: the text gives
 * none. Pure.
 */
function assessedReportModel(input: CompositeReportInput): CompositeReportModel {
  const { composite } = input;
  const stageName = (key: string) => input.stageNames[key] ?? key;
  const kinds = [...new Set(composite.assessments.map((row) => row.applicantKind))].sort(
    (a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b),
  );
  const rankings = kinds.map((kind) => ({
    caption: `综合意见（${kindLabels[kind] ?? kind}）`,
    header: [kind === 'individual' ? '申报个人' : '申报组织', '结论', '综合意见', '理由', '记录'],
    rows: composite.assessments
      .filter((row) => row.applicantKind === kind)
      .map((row) => [
        row.applicantName,
        assessmentLabels[row.outcome],
        row.opinion,
        row.reason,
        `${row.decidedBy ?? ''}，${row.decidedAt.slice(0, 10)}`,
      ]),
  }));
  const recommended = composite.assessments.filter((row) => row.outcome === 'recommended');
  const notes = [
    `推荐名单（按受理顺序，不表示名次）：${recommended.length > 0 ? recommended.map((row) => row.applicantName).join('、') : '无'}`,
  ];
  if (composite.incomplete.length > 0) {
    notes.push(`尚未记录综合意见：${composite.incomplete.map((row) => row.applicantName).join('、')}`);
  }
  const stages = input.reviews.map((review) => ({
    table: {
      caption: `环节：${stageName(review.stageKey)}（评审结果）`,
      header: ['申报者', '类别', '结果', '理由'],
      rows: review.rows.map((row) => [
        row.applicantName,
        kindLabels[row.applicantKind] ?? row.applicantKind,
        row.outcome ? (reviewOutcomeLabels[row.outcome] ?? row.outcome) : '尚无结果',
        row.reason,
      ]),
    },
    flags: null,
  }));
  return {
    title: `${input.jurisdiction} ${input.reportName}（第${composite.cycleNumber}届）`,
    lines: [
      `依据：${composite.basis}。根据${composite.stages.length > 0 ? composite.stages.map(stageName).join('、') : '受理'}的评审结果，由办公室对每个申报逐一记录结论、综合意见及理由。`,
      '条文未规定评分与排序：本报告不含分数与名次，结论与意见均为办公室记录的决定。',
    ],
    pending: composite.pending.length > 0 ? composite.pending.map((p) => p.zh).join('；') : null,
    rankingsCaption: '综合意见',
    rankings,
    notes,
    stages,
    generated: `生成时间：${input.generatedAt}`,
  };
}
