import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `apps/web`'s build lands, seen from the gateway's `dist/http` (and `src/http` in tests). */
export const DEFAULT_WEB_DIR = path.resolve(__dirname, '../../../web/dist');

/** The web app's client routes: every one answers index.html and the app's router takes over. */
const CLIENT_ROUTES = [
  '/',
  '/p/*',
  '/office',
  '/office/*',
  '/operator',
  '/operator/*',
  '/applicant/*',
  '/recommender/*',
  '/leading-group/*',
  '/expert/*',
  '/finance/*',
];

/** Hashed file names under assets/ never change: cached for a year. Everything else is revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built web app at `/` (the API stays under `/api`): its files from `dir`, and index.html for the client
 * routes (held in memory), which the browser must revalidate so a new build is picked up at once. Nothing when `dir` has no build (the
 * API alone, e.g. a gateway started before `npm run build`); answers whether the app is served.
 */
export async function serveWebApp(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!existsSync(path.join(dir, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // One route per file of the build, found at start: no wildcard that would answer for /api.
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (response, file) => {
      const underAssets = path.relative(dir, file).startsWith(`assets${path.sep}`);
      response.setHeader('cache-control', underAssets ? IMMUTABLE : REVALIDATE);
    },
  });
  // index.html is read once, at start, and answered from memory (a new build needs a restart anyway: the files under
  // assets/ are registered one route each at start). The browser revalidates it: a strong ETag and 304 on a match.
  const shell = readFileSync(path.join(dir, 'index.html'));
  const etag = `"${createHash('sha256').update(shell).digest('base64url').slice(0, 32)}"`;
  const lastModified = statSync(path.join(dir, 'index.html')).mtime.toUTCString();
  const index = (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', REVALIDATE).header('etag', etag).header('last-modified', lastModified);
    const match = request.headers['if-none-match'];
    if (typeof match === 'string' && match.split(/\s*,\s*/).includes(etag)) return reply.status(304).send();
    return reply.type('text/html; charset=utf-8').send(shell);
  };
  for (const url of CLIENT_ROUTES) fastify.get(url, index);
  return true;
}
