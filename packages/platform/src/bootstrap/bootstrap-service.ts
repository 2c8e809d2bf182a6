import { type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PrefixedNatsServer } from '../nats/prefixed-nats.server';
import type { PrismaClientLike } from '../prisma/prisma-client-like';
import { PinoNestLogger } from './pino-nest-logger';
import { PlatformModule } from './platform.module';
import { PlatformRuntime, type RuntimeOptions } from './platform-runtime';
import type { ServiceDefinition } from './service-definition';

export interface RunningService<C extends PrismaClientLike = PrismaClientLike> {
  app: INestMicroservice;
  runtime: PlatformRuntime<C>;
  /** Stops taking requests (in-flight ones are answered), then stops consumers, relay, workers and connections. */
  close(): Promise<void>;
}

/** Starts a service: runtime, Nest modules, background machinery, then the NATS listener. */
export async function bootstrapService<C extends PrismaClientLike>(
  definition: ServiceDefinition<C>,
  options: RuntimeOptions = {},
): Promise<RunningService<C>> {
  const runtime = await PlatformRuntime.create(definition, options);
  let startedApp: INestMicroservice | null = null;
  try {
    @Module({ imports: [PlatformModule.forRuntime(runtime as unknown as PlatformRuntime), definition.module] })
    class ServiceRootModule {}

    const server = new PrefixedNatsServer(runtime.namespace, {
      servers: runtime.config.LAUREL_NATS_URL,
      queue: definition.service,
      name: `${runtime.config.LAUREL_NATS_PREFIX}-${definition.service}-server`,
    });
    const app = await NestFactory.createMicroservice(ServiceRootModule, {
      strategy: server,
      logger: new PinoNestLogger(runtime.logger),
    });
    server.instanceOf = (type) => app.get(type, { strict: false });
    startedApp = app;
    // listen() initialises the modules (they register consumers, processors and deadline sources) exactly once;
    // then the runtime checks the declared jobs and starts relay, consumers and workers.
    await app.listen();
    await runtime.start();
    let closing: Promise<void> | null = null;
    return {
      app,
      runtime,
      close: () => {
        closing ??= (async () => {
          await app.close();
          await runtime.stop();
        })();
        return closing;
      },
    };
  } catch (error) {
    await startedApp?.close().catch(() => undefined);
    await runtime.stop();
    throw error;
  }
}

/** Runs a service as a process: starts it and stops it cleanly on SIGINT/SIGTERM. */
export async function runService<C extends PrismaClientLike>(definition: ServiceDefinition<C>): Promise<void> {
  let running: RunningService<C>;
  try {
    running = await bootstrapService(definition);
  } catch (error) {
    console.error(`${definition.service} failed to start:\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const stop = (signal: string) => {
    running.runtime.logger.info({ signal }, 'stopping');
    running
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
