import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceHealth } from '@laurel/contracts';
import type { Registry } from 'prom-client';

/** The small HTTP listener of each service: GET /health and GET /metrics. */
export class HealthServer {
  private server: Server | null = null;

  constructor(
    private readonly health: () => Promise<ServiceHealth>,
    private readonly registry: Registry,
  ) {}

  async listen(host: string, port: number): Promise<number> {
    this.server = createServer((req, res) => {
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed');
      if (path === '/health') {
        this.health()
          .then((h) => send(h.status === 'up' ? 200 : 503, 'application/json', JSON.stringify(h)))
          .catch((error: unknown) =>
            send(503, 'application/json', JSON.stringify({ status: 'down', error: String(error) })),
          );
        return;
      }
      if (path === '/metrics') {
        this.registry
          .metrics()
          .then((text) => send(200, this.registry.contentType, text))
          .catch(() => send(500, 'text/plain', 'metrics unavailable'));
        return;
      }
      send(404, 'text/plain', 'not found');
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
