import type { ChaosReport } from './chaos-run';

/** What the run killed, what else it did, the clients' failures and every check, as the CLI prints them. */
export function describeChaos(report: ChaosReport): string {
  const lines: string[] = [];
  const mended = report.failures.filter((f) => f.mended).length;
  const share = report.sent ? ((report.failures.length / report.sent) * 100).toFixed(2) : '0';
  lines.push(
    `\nthe later cycle rehearsed up to its approval, and the scored stage made ready, in ${report.prepared.toFixed(0)} s, before the traffic`,
  );
  lines.push(`killed (${report.kills.length}, SIGKILL, each started again before the next):`);
  const timeline = [...report.kills, ...report.events].sort((a, b) => a.at - b.at);
  for (const event of timeline) lines.push(`  +${event.at.toFixed(1).padStart(7)} s  ${event.what}`);
  lines.push(
    `\n${report.sent} client writes in ${report.seconds.toFixed(0)} s; ${report.failures.length} failed (${share} %), ` +
      `${mended} of them mended by a retry with the same Idempotency-Key` +
      (report.failures.length ? ` (${summarise(report)})` : ''),
  );
  lines.push(
    `answered: ${Object.entries(report.answered)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ')}`,
  );
  lines.push('\nchecked:');
  for (const c of report.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.check}: ${c.found}`);
  lines.push(`reconciled in ${report.reconciled} s after the traffic stopped`);
  lines.push(`\nchaos ${report.ok ? 'reconciled' : 'did NOT reconcile'}`);
  return lines.join('\n');
}

function summarise(report: ChaosReport): string {
  const byStatus = new Map<number, number>();
  for (const f of report.failures) byStatus.set(f.status, (byStatus.get(f.status) ?? 0) + 1);
  return [...byStatus].map(([status, n]) => `${n} × ${status === 0 ? 'connection refused' : status}`).join(', ');
}
