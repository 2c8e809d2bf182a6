import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { DomainError, SERVICES } from '@laurel/contracts';
import {
  type Clock,
  loadConfig,
  PinoNestLogger,
  PlatformModule,
  PlatformRuntime,
  PrefixedNatsServer,
  RequestContexts,
  redisConnectionOptions,
} from '@laurel/platform';
import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { type GatewayConfig, gatewayConfigSchema } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { gatewayPrisma, type PrismaClient } from './gateway-prisma';
import { clientErrorHandler } from './http/client-error.handler';
import { registerJsonBodyParser } from './http/json-body.parser';
import { openApiDocument } from './http/openapi-document';
import { sendProblem } from './http/problem-details.filter';
import { isLimited, isLogin, rateLimited } from './http/public-rate-limit';
import { securityHeaders } from './http/security-headers';
import { DEFAULT_WEB_DIR, serveWebApp } from './http/web-app';
import { PublicNoticeFastPath } from './objections/public-notice-fast-path';
import { mountQueueBoard } from './operations/queue-board';
import { LaunchJurisdictionsService, type SeededJurisdiction } from './tenant/launch-jurisdictions.service';
import { UserService } from './user/user.service';

export interface GatewayAppOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
  /** Services the health page and the audit/dead-letter routes know; defaults to the platform's services. */
  services?: readonly string[];
  routes?: Type<unknown>[];
}

export interface RunningGateway {
  app: NestFastifyApplication;
  runtime: PlatformRuntime<PrismaClient>;
  config: GatewayConfig;
  url: string;
  close(): Promise<void>;
}

const CORRELATION = /^[A-Za-z0-9._:-]{8,128}$/;

/** Builds and starts the gateway: HTTP API, OpenAPI docs, and its own NATS subjects. */
export async function startGateway(options: GatewayAppOptions = {}): Promise<RunningGateway> {
  const config = loadConfig(gatewayConfigSchema, options.env);
  const services = options.services ?? SERVICES;
  const runtime = await PlatformRuntime.create(
    { service: 'gateway', module: GatewayModule, prisma: gatewayPrisma },
    { env: options.env, clock: options.clock },
  );
  // The same server, credentials, database and TLS as the platform's connection (LAUREL_REDIS_URL).
  const rateLimitRedis = new Redis({ ...redisConnectionOptions(config.LAUREL_REDIS_URL), maxRetriesPerRequest: 1 });
  rateLimitRedis.on('error', (error) => runtime.logger.warn({ err: error }, 'rate-limit Redis connection error'));
  try {
    @Module({
      imports: [
        PlatformModule.forRuntime(runtime as unknown as PlatformRuntime),
        GatewayModule.with({ config, services, routes: options.routes }),
      ],
    })
    class GatewayRootModule {}

    const adapter = new FastifyAdapter({
      bodyLimit: config.LAUREL_HTTP_BODY_LIMIT_BYTES,
      trustProxy: config.LAUREL_TRUST_PROXY,
      routerOptions: { maxParamLength: 200 },
      // A URL Fastify cannot even decode (broken percent-encoding) is still a problem+json 400.
      frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) =>
        sendProblem(
          request,
          reply,
          new DomainError({
            code: 'malformed_request',
            detail: { zh: '请求地址格式错误', en: 'The URL is malformed' },
            fields: [{ field: 'url', reason: { zh: '无法解码', en: 'cannot be decoded' } }],
          }),
        ),
      clientErrorHandler,
      requestIdHeader: false,
      genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
        const given = req.headers['x-correlation-id'];
        return typeof given === 'string' && CORRELATION.test(given) ? given : randomUUID();
      },
    });
    const app = await NestFactory.create<NestFastifyApplication>(GatewayRootModule, adapter, {
      logger: new PinoNestLogger(runtime.logger),
      // The gateway's own JSON parser (registerJsonBodyParser) is the only one: no urlencoded bodies, no Nest default.
      bodyParser: false,
    });
    app.setGlobalPrefix('api/v1');
    const fastify = app.getHttpAdapter().getInstance();
    registerJsonBodyParser(fastify);
    const headers = await securityHeaders();
    fastify.addHook('onRequest', (_request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      reply.headers(headers);
      done();
    });
    // Cached public notice reads are answered here, before the rate-limit plugin's Redis round trip and Nest (ADR 0020).
    app.get(PublicNoticeFastPath).register(fastify);
    await app.register(rateLimit, {
      global: true,
      redis: rateLimitRedis,
      nameSpace: `${config.LAUREL_REDIS_PREFIX}:rate-limit:`,
      timeWindow: 60000,
      // Redis unreachable: requests go through (logged by the connection) rather than every public page, the health
      // page and login failing with it; login stays slow to guess by its argon2id hash.
      skipOnError: true,
      allowList: (request: FastifyRequest) => !isLimited(request),
      max: (request: FastifyRequest) =>
        isLogin(request) ? config.LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE : config.LAUREL_PUBLIC_RATE_LIMIT_PER_MINUTE,
      keyGenerator: (request: FastifyRequest) => (isLogin(request) ? `login:${request.ip}` : `public:${request.ip}`),
      errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => rateLimited(context.ttl),
    });
    // Errors raised in Fastify's own lifecycle (body parsing, limits, rate limits) reach the ProblemDetailsFilter through
    // the error handler Nest installs at init; a second handler here would only replace it (FSTWRN004).
    // Callback style: no promise per answer on the public reads' fast path (ADR 0020).
    fastify.addHook('onSend', (request, reply, payload, done) => {
      reply.header('x-correlation-id', request.id);
      done(null, payload);
    });

    const queueBoard = await mountQueueBoard(fastify, {
      redisUrl: config.LAUREL_REDIS_URL,
      redisPrefix: config.LAUREL_REDIS_PREFIX,
      secret: config.LAUREL_JWT_SECRET,
      wallClock: runtime.wallClock,
    });
    if (!(await serveWebApp(app, config.LAUREL_WEB_DIR ?? DEFAULT_WEB_DIR))) {
      runtime.logger.info('no web app build found: serving the API only (npm run build builds apps/web)');
    }

    const document = openApiDocument(app);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

    const natsServer = new PrefixedNatsServer(runtime.namespace, {
      servers: config.LAUREL_NATS_URL,
      queue: 'gateway',
      name: `${config.LAUREL_NATS_PREFIX}-gateway-server`,
    });
    natsServer.instanceOf = (type) => app.get(type, { strict: false });
    app.connectMicroservice(
      { strategy: natsServer },
      // HTTP guards, filters and interceptors are for HTTP; NATS handlers have @Handles.
      { inheritAppConfig: false },
    );
    await app.init();
    await runtime.start();
    await app.startAllMicroservices();
    await app.listen({ port: config.LAUREL_HTTP_PORT, host: config.LAUREL_HTTP_HOST });
    const address = fastify.server.address();
    const port = typeof address === 'object' && address ? address.port : config.LAUREL_HTTP_PORT;
    let closing: Promise<void> | null = null;
    return {
      app,
      runtime,
      config,
      url: `http://${config.LAUREL_HTTP_HOST}:${port}`,
      close: () => {
        closing ??= (async () => {
          await app.close();
          await runtime.stop();
          await queueBoard.close();
          rateLimitRedis.disconnect();
        })();
        return closing;
      },
    };
  } catch (error) {
    await runtime.stop();
    rateLimitRedis.disconnect();
    throw error;
  }
}

/** Creates the launch jurisdictions that do not exist yet (start-up seeding). */
export function seedLaunchJurisdictions(gateway: RunningGateway): Promise<SeededJurisdiction[]> {
  return gateway.app.get(LaunchJurisdictionsService).seed(RequestContexts.system());
}

/** Creates the operator account at start-up when it does not exist yet. */
export async function seedOperator(gateway: RunningGateway, username: string, password: string): Promise<boolean> {
  return gateway.app.get(UserService).ensureOperator(RequestContexts.system(), username, password);
}
