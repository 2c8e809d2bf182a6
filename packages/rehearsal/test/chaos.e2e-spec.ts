import { describeChaos } from '../src/chaos-report';
import { runChaos } from '../src/chaos-run';

/**
 * The short chaos run (issue 18, `npm run chaos` in small): two instances of every app, sustained writes through both
 * gateways (intake, objections, the later cycle's approval and money, the holders' duties and use of the money, a
 * revocation with its clawback, a panel's scores) while eight random instances are SIGKILLed one at a time and started
 * again, the run's Redis keys flushed half-way and the run's own
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
    // After the award and the panel, under the kills too: each holder's annual reports (3 a title), the first holder's
    // use of the money and its evaluation, the last holder's revocation with its clawback, linxia's panel scores and
    // their revisions.
    expect(report.answered).toMatchObject({
      'duty submissions': 6,
      'use reports accepted': 1,
      'performance evaluations': 1,
      revocations: 1,
      'clawback cases demanded': 1,
    });
    expect(report.answered['clawback recoveries']).toBeGreaterThan(1);
    expect(report.answered['score sheets submitted']).toBeGreaterThan(0);
    expect(report.answered['score revisions']).toBeGreaterThan(0);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.failures.every((f) => f.mended)).toBe(true);
    expect(report.ok).toBe(true);
  }, 900_000);
});
