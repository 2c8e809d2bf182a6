import http from 'node:http';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

/** What the gateway's responses carry (helmet's defaults with our content security policy). */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
};

/** Headers every response has whatever helmet is given: not security headers. */
const NOT_SECURITY = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The security headers helmet sets with `options`, computed once by asking helmet itself, so that each response
 * gets the same headers with one `reply.headers(…)` instead of helmet's per-request middleware (which rebuilds the
 * policy strings on every request; a measurable share of a command's CPU in `npm run bench:gateway`).
 */
export async function securityHeaders(options: FastifyHelmetOptions = HELMET_OPTIONS): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, options);
  probe.get('/', async () => '');
  try {
    const url = await probe.listen({ host: '127.0.0.1', port: 0 });
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      http
        .get(url, { agent: false }, (response) => {
          response.resume();
          resolve(response.headers);
        })
        .on('error', reject);
    });
    return Object.fromEntries(
      Object.entries(headers)
        .filter(([name, value]) => !NOT_SECURITY.has(name) && typeof value === 'string')
        .map(([name, value]) => [name, value as string]),
    );
  } finally {
    await probe.close();
  }
}
