import { COUNTRY_APPLICATIONS, COUNTRY_TENANTS, type CountryReport } from './country-run';

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (n: number, ms: number) => (ms > 0 ? Math.round((n * 1000) / ms) : 0);

/** The country run's figures as printed: stages, the clock's moves, what stopped, the checks, the re-scheduling. */
export function formatCountryReport(report: CountryReport, floor: CountryReport | null): string[] {
  const lines: string[] = [];
  const { tenants, applications, inFlight, policy } = report.options;
  lines.push(
    `== country: ${tenants} jurisdictions × ${applications} applications (${policy}), ${inFlight} requests in flight`,
  );
  lines.push(`platform started in ${s(report.startMs)}; the cycles took ${s(report.cyclesMs)}`);
  if (floor) {
    const commands = floor.stages.reduce((n, m) => n + m.commands + m.reads, 0);
    lines.push(
      `floor (same machine, same run): one jurisdiction alone, ${floor.options.applications} applications: ` +
        `${s(floor.cyclesMs)}, ${commands} requests (${rate(commands, floor.cyclesMs)}/s)`,
    );
    lines.push(`  ${tenants} × the floor, one after the other, would be ${s(tenants * floor.cyclesMs)}`);
  }
  lines.push(
    'stage                                          cycles   wall      commands  reads     commands/s  mean ms  argon2  errors',
  );
  let commands = 0;
  let reads = 0;
  for (const m of report.stages.filter((stage) => stage.cycles > 0 || stage.commands + stage.reads > 0)) {
    const wall = m.lastAt - m.firstAt;
    commands += m.commands;
    reads += m.reads;
    lines.push(
      `${m.stage.padEnd(46)} ${String(m.cycles).padStart(6)}   ${s(wall).padStart(8)}  ${String(m.commands).padStart(8)}  ${String(m.reads).padStart(8)}  ${String(rate(m.commands, wall)).padStart(10)}  ${String(Math.round(m.requestMs / Math.max(1, m.commands + m.reads))).padStart(7)}  ${String(m.logins + m.accounts).padStart(6)}  ${m.errors}`,
    );
  }
  lines.push(
    `all: ${commands} commands and ${reads} reads in ${s(report.cyclesMs)}: ${rate(commands, report.cyclesMs)} commands/s, ${rate(commands + reads, report.cyclesMs)} requests/s`,
  );
  const moves = report.moves;
  const fired = moves.reduce((n, m) => n + m.fired, 0);
  const firingMs = moves.filter((m) => m.fired > 0).reduce((n, m) => n + m.ms, 0);
  const lag = Math.max(0, ...moves.map((m) => m.maxLagMs));
  lines.push(
    `clock: ${moves.length} moves, ${fired} deadline jobs fired, ${rate(fired, firingMs)} jobs/s while firing; largest lag from a deadline to its firing ${s(lag)} (target ≤ 60 s: ${lag <= 60_000 ? 'PASS' : 'MISS'})`,
  );
  for (const m of [...moves].sort((a, b) => b.fired - a.fired).slice(0, 5)) {
    const top = m.busiest
      ? `; busiest step ${m.busiest.at}: ${m.busiest.fired} in ${s(m.busiest.ms)} (${rate(m.busiest.fired, m.busiest.ms)} jobs/s)`
      : '';
    lines.push(`  ${m.to}: ${m.fired} fired for ${m.released} cycles, move ${s(m.ms)}, lag ≤ ${s(m.maxLagMs)}${top}`);
  }
  const stopped = report.cycles.filter((c) => c.error);
  lines.push(`${report.cycles.length - stopped.length} of ${report.cycles.length} cycles whole`);
  for (const c of stopped.slice(0, 10))
    lines.push(`  ${c.context.key} stopped in ${c.stage}: ${c.error?.slice(0, 300)}`);
  for (const c of report.checks) lines.push(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.found}`);
  const r = report.rescheduling;
  if (r)
    lines.push(
      `Redis flushed with ${r.before} deadline jobs held (${r.removedKeys} keys; jobs of deadlines settled since are among them and were not re-scheduled): ${r.after} open deadlines re-scheduled from the databases in ${s(r.ms)} (target < 60 s: ${r.ms < 60_000 ? 'PASS' : 'MISS'})`,
    );
  const apps = Object.keys(report.memory.peak);
  if (apps.length > 0) {
    lines.push('resident memory (MiB)  idle    peak during the cycles');
    for (const app of apps)
      lines.push(
        `  ${app.padEnd(20)}${(report.memory.idle[app] ?? 0).toFixed(0).padStart(5)}  ${(report.memory.peak[app] ?? 0).toFixed(0).padStart(6)}`,
      );
  }
  const whole = report.startMs + report.cyclesMs;
  const counts = report.ok ? 'every count reconciles' : 'NOT everything reconciles';
  const { tenants: n, applications: m } = report.options;
  if (n >= COUNTRY_TENANTS && m >= COUNTRY_APPLICATIONS) {
    lines.push(`the whole country in ${s(whole)} (target < 30 min: ${whole < 1_800_000 ? 'PASS' : 'MISS'}); ${counts}`);
  } else {
    // A smaller run is no verdict on the target. Its cycles went side by side, so their time grows with the number of
    // jurisdictions at this run's rate; with fewer applications each than the country's it is a lower bound.
    const estimate = (report.cyclesMs * COUNTRY_TENANTS) / n + report.startMs;
    const bound = m < COUNTRY_APPLICATIONS ? `at least (${m} applications each, not ${COUNTRY_APPLICATIONS})` : 'about';
    lines.push(
      `${n} jurisdictions × ${m} in ${s(whole)}; ${counts}. ${COUNTRY_TENANTS} jurisdictions at this run's rate: ` +
        `${bound} ${s(estimate)} (the whole country's target < 30 min: not run)`,
    );
  }
  return lines;
}
