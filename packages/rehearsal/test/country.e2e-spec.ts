import path from 'node:path';
import { policyFromFile } from '../src';
import { formatCountryReport } from '../src/country-report';
import { type CountryReport, runCountry } from '../src/country-run';

const FILE = path.resolve(__dirname, '../../policy/test-fixtures/sixth-jurisdiction.json');

/**
 * `npm run bench:country` in small (issue 18): three jurisdictions onboarded by one document run whole cycles side by
 * side through one gateway, with requests of different tenants in flight together (the load that found ADR 0039's
 * batching across tenants), keep in step on one clock, and every count reconciles.
 */
describe('the country run, in small', () => {
  let report: CountryReport;

  beforeAll(async () => {
    report = await runCountry({ policy: policyFromFile(FILE), tenants: 3, applications: 2, inFlight: 16 });
  }, 900_000);

  it('runs every jurisdiction’s whole cycle with requests of several tenants in flight together', () => {
    expect(report.cycles.filter((c) => c.error).map((c) => `${c.context.key}: ${c.error}`)).toEqual([]);
    const stages = report.stages.filter((s) => s.cycles > 0);
    expect(stages.map((s) => s.stage)).toContain('revocation, clawback, ban and the next cycle');
    for (const stage of stages) expect(stage.cycles).toBe(3);
    expect(stages.reduce((n, s) => n + s.errors, 0)).toBe(0);
  });

  it('moves one clock for all: each notice period ends for the three at the same time, deadlines fired on the way', () => {
    expect(report.moves.length).toBeGreaterThan(3);
    expect(report.moves.every((m) => m.released >= 1)).toBe(true);
    expect(report.moves.some((m) => m.released === 3)).toBe(true);
    expect(report.moves.reduce((n, m) => n + m.fired, 0)).toBeGreaterThan(0);
  });

  it('reconciles every count, and re-schedules the open deadlines after Redis is flushed', () => {
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.map((c) => c.check)).toEqual(
      expect.arrayContaining(['each application started once', 'every ledger balanced (debits = credits)']),
    );
    expect(report.rescheduling?.after).toBeGreaterThan(0);
    expect(report.ok).toBe(true);
    const printed = formatCountryReport(report, null).join('\n');
    expect(printed).toContain('every count reconciles');
  });
});
