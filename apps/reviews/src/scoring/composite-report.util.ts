import type { PdfBlock, PdfDocumentSpec } from '@laurel/platform';
import { type CompositeReportInput, compositeReportModel, type ReportTable } from './composite-report.model';

const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const htmlTable = (table: ReportTable) =>
  `<table><thead><tr>${table.header.map((cell) => `<th>${html(cell)}</th>`).join('')}</tr></thead><tbody>
${table.rows.map((row) => `<tr>${row.map((cell) => `<td>${html(cell)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`;

/** The composite report (综合评审报告) as a printable zh-CN HTML document. Pure. */
export function renderCompositeReport(input: CompositeReportInput): string {
  const model = compositeReportModel(input);
  const rankings =
    model.rankings.length > 0
      ? model.rankings.map((table) => `<h2>${html(table.caption)}</h2>\n${htmlTable(table)}`).join('\n')
      : `<h2>${html(model.rankingsCaption)}</h2>\n<p>无</p>`;
  const stages = model.stages
    .map(
      ({ table, flags }) => `<h2>${html(table.caption)}</h2>
${htmlTable(table)}${
  flags === null
    ? ''
    : `
<h3>离群评分及合议</h3>
${flags.length > 0 ? `<ul>${flags.map((flag) => `<li>${html(flag)}</li>`).join('\n')}</ul>` : '<p>无</p>'}`
}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${html(model.title)}</title>
<style>body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:4px 8px;text-align:left}</style>
</head><body>
<h1>${html(model.title)}</h1>
${model.lines.map((line) => `<p>${html(line)}</p>`).join('\n')}
${model.pending ? `<p><strong>尚不能排名：</strong>${html(model.pending)}</p>` : ''}
${rankings}
${model.notes.map((note) => `<p>${html(note)}</p>`).join('\n')}
${stages}
<p>${html(model.generated)}</p>
</body></html>
`;
}

/** The same report as a PDF document (the platform's pdfkit with Noto Sans SC: the Chinese text is extractable). */
export function compositeReportDocument(input: CompositeReportInput, createdAt: Date): PdfDocumentSpec {
  const model = compositeReportModel(input);
  const table = (t: ReportTable): PdfBlock => ({
    kind: 'table',
    header: true,
    rows: [[...t.header], ...t.rows.map((r) => [...r])],
  });
  const blocks: PdfBlock[] = model.lines.map((text) => ({ kind: 'paragraph', text }));
  if (model.pending) blocks.push({ kind: 'paragraph', text: `尚不能排名：${model.pending}` });
  if (model.rankings.length === 0)
    blocks.push({ kind: 'heading', text: model.rankingsCaption }, { kind: 'paragraph', text: '无' });
  for (const ranking of model.rankings) blocks.push({ kind: 'heading', text: ranking.caption }, table(ranking));
  for (const note of model.notes) blocks.push({ kind: 'paragraph', text: note });
  for (const stage of model.stages) {
    blocks.push({ kind: 'heading', text: stage.table.caption }, table(stage.table));
    if (stage.flags === null) continue;
    blocks.push({ kind: 'paragraph', text: `离群评分及合议：${stage.flags.length > 0 ? '' : '无'}` });
    for (const flag of stage.flags) blocks.push({ kind: 'paragraph', text: `· ${flag}` });
  }
  blocks.push({ kind: 'paragraph', text: model.generated });
  return {
    title: model.title,
    blocks,
    footer: model.title,
    info: { subject: input.reportName, author: input.jurisdiction },
    createdAt,
  };
}
