import { type AuditVerification, calendarListContract, clockGetContract } from '@laurel/contracts';
import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { DestinationStream, Logger } from 'pino';
import { AuditAnchors } from '../audit/audit-anchors.service';
import { AuditTrail } from '../audit/audit-trail.service';
import { BlobTransfer } from '../blobs/blob-transfer.service';
import { CalendarProvider } from '../calendar/calendar-provider.service';
import { type Clock, SystemClock } from '../clock/clock';
import { ClockFollower } from '../clock/clock-follower.service';
import { VirtualClock } from '../clock/virtual-clock';
import { loadConfig } from '../config/load-config.util';
import { type PlatformConfig, platformRuntimeConfigSchema } from '../config/platform-config.schema';
import { RequestContexts } from '../context/request-context';
import { ErrorReporter } from '../errors/error-reporter';
import { DEFAULT_CONSUMER_POLICY, EventConsumers } from '../events/event-consumer.service';
import { ensureEventStream } from '../events/event-streams.util';
import { Outbox } from '../events/outbox.service';
import { OutboxRelay } from '../events/outbox-relay.service';
import { checkHealth } from '../health/health-checks';
import { HealthServer } from '../health/health-server';
import { PlatformMetrics } from '../health/platform-metrics';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { createLogger } from '../logging/logger';
import { RequestMux } from '../nats/request-mux';
import { ServiceClient } from '../nats/service-client.service';
import { SubjectNamespace } from '../nats/subject-namespace';
import { coalesceWrites } from '../nats/write-coalescing.util';
import { DatabaseCommandReceipts } from '../prisma/command-receipt-store';
import { Database } from '../prisma/database.service';
import { connectionFields } from '../prisma/database-url.util';
import type { PrismaClientLike } from '../prisma/prisma-client-like';
import type { ServiceDefinition } from './service-definition';

export interface RuntimeOptions {
  env?: Record<string, string | undefined>;
  /** A clock of the caller's (tests); refused together with LAUREL_CLOCK=virtual, whose clock is the platform's. */
  clock?: Clock;
  logDestination?: DestinationStream;
}

export function redisConnectionOptions(url: string): ConnectionOptions & { host: string; port: number } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * Everything a service runs on, created before Nest and closed after it: configuration, logger, clock,
 * database roles, NATS and JetStream, Redis, the outbox and its relay, durable consumers, jobs, the audit
 * trail, health and metrics.
 */
export class PlatformRuntime<C extends PrismaClientLike = PrismaClientLike> {
  /** `performance.now()` at creation: the uptime on the health page is real time elapsed. */
  readonly startedAt = performance.now();
  private healthServer: HealthServer | null = null;
  healthPort: number | null = null;
  private stopped = false;
  private blobTransfer: BlobTransfer | null = null;
  /** What this service's keyed commands committed and answered (a retry after a lost answer is replayed). */
  readonly commandReceipts: DatabaseCommandReceipts;

  private constructor(
    readonly definition: ServiceDefinition<C>,
    readonly config: PlatformConfig,
    readonly logger: Logger,
    readonly clock: Clock,
    readonly namespace: SubjectNamespace,
    readonly nats: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly redis: Redis,
    readonly database: Database<C>,
    readonly outbox: Outbox,
    readonly relay: OutboxRelay,
    readonly consumers: EventConsumers<C>,
    readonly jobs: JobScheduler,
    readonly audit: AuditTrail,
    readonly client: ServiceClient,
    readonly metrics: PlatformMetrics,
    readonly calendar: CalendarProvider,
    readonly auditAnchors: AuditAnchors,
    /** The machine's time (`WALL_CLOCK`): the platform's clock unless it is virtual. */
    readonly wallClock: Clock,
    /** On a rehearsal platform (LAUREL_CLOCK=virtual): what keeps this instance on the shared virtual time. */
    readonly clockFollower: ClockFollower | null,
  ) {
    this.commandReceipts = new DatabaseCommandReceipts(definition.service, database.systemSql, logger);
  }

  get service(): string {
    return this.definition.service;
  }

  /** Large payloads between services over the JetStream object store; its bucket is created on first use. */
  get blobs(): BlobTransfer {
    this.blobTransfer ??= new BlobTransfer(this.nats, this.namespace);
    return this.blobTransfer;
  }

  static async create<C extends PrismaClientLike>(
    definition: ServiceDefinition<C>,
    options: RuntimeOptions = {},
  ): Promise<PlatformRuntime<C>> {
    const config = loadConfig(platformRuntimeConfigSchema, options.env);
    if (config.LAUREL_CLOCK === 'virtual' && options.clock) {
      throw new Error('LAUREL_CLOCK=virtual runs on the platform’s shared clock: do not pass a clock of your own');
    }
    const logger = createLogger({
      service: definition.service,
      instance: config.LAUREL_INSTANCE_ID,
      level: config.LAUREL_LOG_LEVEL,
      destination: options.logDestination,
    });
    const wallClock = options.clock ?? new SystemClock();
    const clock =
      config.LAUREL_CLOCK === 'virtual'
        ? new VirtualClock(config.LAUREL_CLOCK_START ?? wallClock.now())
        : (options.clock ?? wallClock);
    const namespace = new SubjectNamespace(config.LAUREL_NATS_PREFIX);
    const metrics = new PlatformMetrics(definition.service);
    const nats = await connect({
      servers: config.LAUREL_NATS_URL,
      name: `${config.LAUREL_NATS_PREFIX}-${config.LAUREL_INSTANCE_ID ?? definition.service}`,
      maxReconnectAttempts: -1,
      // No stack trace captured per request: the client maps timeouts and absent responders itself.
      noAsyncTraces: true,
    });
    coalesceWrites(nats);
    const js = jetstream(nats);
    const jsm = await jetstreamManager(nats);
    const redisOptions = redisConnectionOptions(config.LAUREL_REDIS_URL);
    const redis = new Redis({ ...redisOptions, lazyConnect: false });
    redis.on('error', (error) => logger.warn({ err: error }, 'Redis connection error'));
    const database = new Database<C>(definition.prisma, {
      schema: definition.service,
      poolSize: config.LAUREL_DATABASE_POOL_SIZE,
      transactionTimeoutMs: config.LAUREL_TRANSACTION_TIMEOUT_MS,
      app: connectionFields(config.LAUREL_DATABASE_URL, {
        user: config.LAUREL_DATABASE_APP_USER,
        password: config.LAUREL_DATABASE_APP_PASSWORD,
      }),
      system: connectionFields(config.LAUREL_DATABASE_URL, {
        user: config.LAUREL_DATABASE_SYSTEM_USER,
        password: config.LAUREL_DATABASE_SYSTEM_PASSWORD,
      }),
    });
    const requests = new RequestMux(nats);
    const relay = new OutboxRelay(database, requests, namespace, logger, config.LAUREL_RELAY_INTERVAL_MS);
    const outbox = new Outbox(clock, relay.committed);
    const consumers = new EventConsumers<C>(
      database,
      js,
      jsm,
      namespace,
      logger,
      definition.consumerPolicy ?? DEFAULT_CONSUMER_POLICY,
      definition.consumers ?? [],
    );
    const jobs = new JobScheduler(
      definition.jobs ?? [],
      redisOptions,
      `${config.LAUREL_REDIS_PREFIX}:bull`,
      clock,
      logger,
      redis,
    );
    const client = new ServiceClient(requests, namespace, config.LAUREL_NATS_REQUEST_TIMEOUT_MS);
    const calendar = new CalendarProvider(
      async () => (await client.request(calendarListContract, {}, { timeoutMs: 3000 })).schedules,
      nats,
      namespace,
      logger,
    );
    const clockFollower =
      clock instanceof VirtualClock
        ? new ClockFollower(
            clock,
            () => client.request(clockGetContract, {}, { timeoutMs: 3000 }),
            nats,
            namespace,
            jobs,
            logger,
          )
        : null;
    ErrorReporter.sink = (error, where) => logger.error({ err: error }, `unexpected error in ${where}`);
    ErrorReporter.observe = (subject, outcome, seconds) => metrics.observeMessage(subject, outcome, seconds);
    return new PlatformRuntime(
      definition,
      config,
      logger,
      clock,
      namespace,
      nats,
      js,
      jsm,
      redis,
      database,
      outbox,
      relay,
      consumers,
      jobs,
      new AuditTrail(clock),
      client,
      metrics,
      calendar,
      new AuditAnchors(definition.service, database.systemSql, js, jsm, namespace, logger, wallClock),
      wallClock,
      clockFollower,
    );
  }

  /** Starts the background machinery once the service's modules have registered their consumers and jobs. */
  async start(): Promise<void> {
    // Redis back after losing its connection (a restart: this Redis keeps nothing on disk): the queues are rebuilt
    // from the database at once, not at the next periodic pass.
    this.redis.on('ready', () => {
      if (this.stopped) return;
      this.jobs
        .reschedule()
        .then((count) => this.logger.info({ count }, 'Redis reconnected: deadlines re-scheduled from the database'))
        .catch((error: unknown) => this.logger.error({ err: error }, 're-scheduling after Redis reconnected failed'));
    });
    await ensureEventStream(this.jsm, this.namespace, this.service);
    this.commandReceipts.start();
    // Before the jobs: on a virtual clock they wait held until this instance knows the shared time.
    await this.clockFollower?.start();
    await this.calendar.start();
    if (this.config.LAUREL_RELAY_ENABLED) this.relay.start();
    await this.auditAnchors.start(this.config.LAUREL_AUDIT_ANCHOR_INTERVAL_MS);
    await this.consumers.start();
    await this.jobs.start({ rescheduleEveryMs: this.config.LAUREL_RESCHEDULE_INTERVAL_MS });
    if (this.config.LAUREL_HEALTH_PORT !== undefined) {
      this.healthServer = new HealthServer(() => this.health(), this.metrics.registry);
      this.healthPort = await this.healthServer.listen(this.config.LAUREL_HEALTH_HOST, this.config.LAUREL_HEALTH_PORT);
    }
    this.logger.info({ healthPort: this.healthPort }, `${this.service} started`);
  }

  health() {
    return checkHealth(this.service, this.definition.version ?? '0.1.0', this.startedAt, {
      database: () => this.database.ping(),
      redis: async () => {
        await this.redis.ping();
      },
      nats: async () => {
        if (this.nats.isClosed()) throw new Error('connection closed');
        await this.nats.rtt();
      },
    });
  }

  /**
   * Verifies the audit chain of the tenant in context, against its head as last anchored outside the database
   * (`AuditAnchors`), so that entries removed from its end show too.
   */
  async verifyAudit(): Promise<AuditVerification> {
    const anchor = await this.auditAnchors.latest(RequestContexts.requireTenant());
    return this.database.inTenant((tx) => this.audit.verify(tx, anchor));
  }

  /** Stops in order: consumers, relay (after a last pass), audit anchors (a last pass), jobs, health, connections. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.calendar.stop();
    this.clockFollower?.stop();
    this.commandReceipts.stop();
    await this.consumers.stop();
    await this.relay.stop();
    await this.auditAnchors.stop();
    await this.jobs.stop();
    await this.healthServer?.close();
    await this.database.close();
    await this.nats.drain().catch(() => undefined);
    this.redis.disconnect();
    this.logger.info(`${this.service} stopped`);
  }
}
