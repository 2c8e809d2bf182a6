import { existsSync } from 'node:fs';
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
 * routes, which the browser must revalidate so a new build is picked up at once. Nothing when `dir` has no build (the
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
  const index = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', REVALIDATE).sendFile('index.html', dir, { cacheControl: false });
  for (const url of CLIENT_ROUTES) fastify.get(url, index);
  return true;
}
