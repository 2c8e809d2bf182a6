import { checkHealth } from './health-checks';
import { HealthServer } from './health-server';
import { PlatformMetrics } from './platform-metrics';

describe('HealthServer', () => {
  it('serves /health (503 when a dependency is down) and Prometheus /metrics', async () => {
    const metrics = new PlatformMetrics('probe');
    metrics.messagesHandled.inc({ subject: 'probe.item.create', outcome: 'ok' });
    let redisUp = true;
    const sut = new HealthServer(
      () =>
        checkHealth('probe', '1.0.0', performance.now(), {
          database: async () => undefined,
          redis: async () => {
            if (!redisUp) throw new Error('connection refused');
          },
        }),
      metrics.registry,
    );
    const port = await sut.listen('127.0.0.1', 0);
    try {
      const up = await fetch(`http://127.0.0.1:${port}/health`);
      expect(up.status).toBe(200);
      expect(await up.json()).toMatchObject({
        service: 'probe',
        status: 'up',
        dependencies: { redis: { status: 'up' } },
      });

      redisUp = false;
      const degraded = await fetch(`http://127.0.0.1:${port}/health`);
      expect(degraded.status).toBe(503);
      expect(await degraded.json()).toMatchObject({
        status: 'degraded',
        dependencies: { redis: { status: 'down', error: 'connection refused' } },
      });

      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toMatch(
        /laurel_messages_handled_total\{subject="probe.item.create",outcome="ok",service="probe"\} 1/,
      );
      expect(text).toMatch(/process_cpu_user_seconds_total/);
      expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(404);
    } finally {
      await sut.close();
    }
  });
});
