import { describeChaos } from '../src/chaos-report';
import { runChaos } from '../src/chaos-run';

/**
 * The short chaos run (issue 18, `npm run chaos` in small): two instances of every app, sustained writes through both
 * gateways while eight random instances are SIGKILLed one at a time and started again, the run's Redis keys flushed
 * half-way and the run's own
 * NATS server restarted; afterwards every write applied once, every event published and handled once, nothing dead-lettered, the
 * notice closed once, the audit chains whole, and every failed client request mended by a retry with its key.
 */
describe('chaos: random SIGKILLs of two instances of every app', () => {
  it('reconciles every count after 8 kills, a Redis flush and a NATS restart', async () => {
    const report = await runChaos({ kills: 8, minutes: 1.5, pause: [0.5, 2] });
    console.log(describeChaos(report));
    expect(report.kills).toHaveLength(8);
    expect(report.events.some((e) => e.what.startsWith("flushed the run's Redis keys"))).toBe(true);
    expect(report.events.some((e) => e.what.startsWith("SIGKILLed the run's NATS server"))).toBe(true);
    expect(report.sent).toBeGreaterThan(100);
    // The later cycle's writes reached under the kills: the approval, each title's certificate and duties, instalments.
    expect(report.answered).toMatchObject({ approvals: 1, certificates: 2, 'duty plans': 2 });
    expect(report.answered['instalments confirmed']).toBeGreaterThan(1);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.failures.every((f) => f.mended)).toBe(true);
    expect(report.ok).toBe(true);
  }, 900_000);
});
