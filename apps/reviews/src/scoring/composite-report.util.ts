import type { CompositeView, StageResultView } from '@laurel/contracts';

const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
const fixed = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const outcomeLabels = { keep: '保留', adjust: '调整', exclude: '剔除' } as const;

/**
 * The composite report (综合评审报告) as a printable zh-CN HTML document: the composite ranking with each stage's
 * score, the weights and where they come from, and per stage the raw and normalised scores with every flagged
 * sheet and the consensus recorded on it (nothing dropped silently). Pure.
 */
export function renderCompositeReport(input: {
  jurisdiction: string;
  /** zh names of the policy's stages by key. */
  stageNames: Readonly<Record<string, string>>;
  composite: CompositeView;
  stages: readonly StageResultView[];
  generatedAt: string;
}): string {
  const { composite } = input;
  const stageName = (key: string) => html(input.stageNames[key] ?? key);
  const weights = composite.weights
    ? `${Object.entries(composite.weights.values)
        .map(([stage, weight]) => `${stageName(stage)}: ${weight}`)
        .join(
          '；',
        )}（${composite.weights.source === 'policy' ? '政策规定' : `办公室记录：${html(composite.weights.reason ?? '')}，${html(composite.weights.decidedBy ?? '')}，${html(composite.weights.decidedAt ?? '')}`}）`
    : '尚未记录';
  const ranking = composite.ranking
    .map(
      (row) =>
        `<tr><td>${row.rank}${row.tiedWith.length > 0 ? '（并列）' : ''}</td><td>${html(row.applicantName)}</td>${composite.stages
          .map((stage) => `<td>${fixed(row.stages[stage] ?? null)}</td>`)
          .join('')}<td>${fixed(row.score)}</td></tr>`,
    )
    .join('\n');
  const stageSections = input.stages
    .map((stage) => {
      const flagged = stage.sheets.filter((sheet) => sheet.flag);
      const rows = stage.applications
        .map(
          (row) =>
            `<tr><td>${html(row.applicantName)}</td><td>${row.sheets}</td><td>${fixed(row.raw)}</td><td>${fixed(row.normalised)}</td></tr>`,
        )
        .join('\n');
      const flags = flagged
        .map(
          (sheet) =>
            `<li>${html(sheet.applicantName)} / ${html(sheet.expertName)}：原始总分 ${sheet.raw}，其余专家中位数 ${sheet.flag?.restMedian}，稳健 z 值 ${sheet.flag?.robustZ}；合议：${
              sheet.consensus
                ? `${outcomeLabels[sheet.consensus.outcome]}${sheet.consensus.adjustedTotal !== null ? ` 为 ${sheet.consensus.adjustedTotal}` : ''}，理由：${html(sheet.consensus.reason)}（${html(sheet.consensus.decidedBy ?? '')}）`
                : '尚未合议'
            }</li>`,
        )
        .join('\n');
      return `<h2>环节：${stageName(stage.stageKey)}</h2>
<table><thead><tr><th>申报单位</th><th>有效评分表</th><th>原始均分</th><th>标准化均分</th></tr></thead><tbody>
${rows}
</tbody></table>
<h3>离群评分及合议</h3>
${flagged.length > 0 ? `<ul>${flags}</ul>` : '<p>无</p>'}`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>综合评审报告（第${composite.cycleNumber}届）</title>
<style>body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:4px 8px;text-align:left}</style>
</head><body>
<h1>${html(input.jurisdiction)} 综合评审报告（第${composite.cycleNumber}届）</h1>
<p>依据：${html(composite.basis)}。综合环节：${composite.stages.map(stageName).join('、')}。权重：${weights}。</p>
<p>各环节分数为专家评分经宽严校正（标准化）后的均值；原始分数与标准化分数并列于各环节表中。</p>
${composite.pending.length > 0 ? `<p><strong>尚不能排名：</strong>${composite.pending.map((p) => html(p.zh)).join('；')}</p>` : ''}
<h2>综合排名</h2>
<table><thead><tr><th>名次</th><th>申报单位</th>${composite.stages.map((stage) => `<th>${stageName(stage)}</th>`).join('')}<th>综合得分</th></tr></thead><tbody>
${ranking}
</tbody></table>
${composite.incomplete.length > 0 ? `<p>缺少环节分数、未纳入排名：${composite.incomplete.map((row) => `${html(row.applicantName)}（缺 ${row.missing.map(stageName).join('、')}${row.skipped ? `：按 ${html(row.skipped.basis)} 不参加，综合方式待办公室决定` : ''}）`).join('；')}</p>` : ''}
${composite.kindRules
  .map(
    (rule) =>
      `<p>${rule.applicantKind === 'individual' ? '个人' : '组织'}的综合评分（${html(rule.basis)}）：办公室决定按 ${Object.entries(
        rule.weights,
      )
        .map(([stage, weight]) => `${stageName(stage)} ${weight}`)
        .join(
          '、',
        )} 综合（${html(rule.decidedBy ?? '')}，${html(rule.decidedAt.slice(0, 10))}：${html(rule.reason)}）</p>`,
  )
  .join('')}
${stageSections}
<p>生成时间：${html(input.generatedAt)}</p>
</body></html>
`;
}
