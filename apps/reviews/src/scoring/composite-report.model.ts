import type { CompositeView, StageResultView } from '@laurel/contracts';

const fixed = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const outcomeLabels = { keep: '保留', adjust: '调整', exclude: '剔除' } as const;
const kindLabels: Record<string, string> = { organisation: '组织', individual: '个人' };
const KIND_ORDER = ['organisation', 'individual'];

export interface CompositeReportInput {
  jurisdiction: string;
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
  /** One ranking per applicant kind (organisations and individuals compete separately). */
  readonly rankings: readonly ReportTable[];
  readonly notes: readonly string[];
  readonly stages: readonly { table: ReportTable; flags: readonly string[] }[];
  readonly generated: string;
}

/**
 * The composite report (综合评审报告): the ranking per applicant kind with each stage's score, the weights and where
 * they come from, and per stage the raw and normalised scores with every flagged sheet and the consensus recorded on
 * it (nothing dropped silently). Pure.
 */
export function compositeReportModel(input: CompositeReportInput): CompositeReportModel {
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
    title: `${input.jurisdiction} 综合评审报告（第${composite.cycleNumber}届）`,
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
