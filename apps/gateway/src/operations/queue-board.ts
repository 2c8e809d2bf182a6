import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { DomainError } from '@laurel/contracts';
import { type Clock, redisConnectionOptions } from '@laurel/platform';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { sendProblem } from '../http/problem-details.filter';
import { BOARD_PATH, boardPassOf, verifyBoardPass } from './board-pass.util';

/** How often the board looks for queues that appeared since (a service's first job creates its queue's keys). */
const DISCOVERY_MS = 5000;

export interface QueueBoard {
  close(): Promise<void>;
}

/**
 * Bull Board at `/api/v1/operations/queues/board`, for operators holding a board pass (a short-lived signed cookie that
 * `POST /api/v1/operations/queues/pass` issues to an operator's bearer token; ADR 0019). It shows every service's queues:
 * their names are found in Redis under the platform's BullMQ prefix (`<LAUREL_REDIS_PREFIX>:bull:<queue>:meta`), so the
 * gateway needs no service's job declarations.
 */
export async function mountQueueBoard(
  fastify: FastifyInstance,
  options: { redisUrl: string; redisPrefix: string; secret: string; wallClock: Clock },
): Promise<QueueBoard> {
  const prefix = `${options.redisPrefix}:bull`;
  const connection = { ...redisConnectionOptions(options.redisUrl), maxRetriesPerRequest: 1 };
  const redis = new Redis(connection);
  redis.on('error', () => undefined);
  const queues = new Map<string, Queue>();
  const serverAdapter = new FastifyAdapter().setBasePath(BOARD_PATH);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Laurel 任务队列' } },
  });
  let discoveredAt = Number.NEGATIVE_INFINITY;

  const discover = async () => {
    if (performance.now() - discoveredAt < DISCOVERY_MS) return;
    discoveredAt = performance.now();
    const names = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*:meta`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) names.add(key.slice(prefix.length + 1, -':meta'.length));
    } while (cursor !== '0');
    let changed = false;
    for (const name of [...names].sort()) {
      if (queues.has(name)) continue;
      queues.set(name, new Queue(name, { connection, prefix }));
      changed = true;
    }
    if (changed) board.replaceQueues([...queues.values()].map((queue) => new BullMQAdapter(queue)));
  };

  await fastify.register(
    async (scope) => {
      // Bull Board's own routes send empty or JSON bodies; the API's strict JSON parser stays outside this scope.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
        try {
          done(null, body ? JSON.parse(String(body)) : {});
        } catch {
          done(null, {});
        }
      });
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const pass = boardPassOf(request.headers.cookie);
        if (!verifyBoardPass(options.secret, pass, options.wallClock.now().getTime())) {
          sendProblem(
            request,
            reply,
            new DomainError({
              code: 'unauthenticated',
              detail: {
                zh: '请以运维人员身份登录后从运维控制台打开任务队列看板',
                en: 'Sign in as an operator and open the queue board from the operator dashboard',
              },
            }),
          );
          return reply;
        }
        await discover().catch(() => undefined);
      });
      await scope.register(serverAdapter.registerPlugin() as never, { prefix: BOARD_PATH });
    },
    { prefix: '' },
  );

  return {
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close().catch(() => undefined)));
      redis.disconnect();
    },
  };
}
