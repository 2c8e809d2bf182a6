import type { DynamicModule, Type } from '@nestjs/common';
import type { ConsumerDeclaration } from '../events/consumer-declaration';
import type { ConsumerPolicy } from '../events/event-consumer.service';
import type { JobDefinition } from '../jobs/job-definition';
import type { PrismaClientFactory } from '../prisma/database.service';
import type { PrismaClientLike } from '../prisma/prisma-client-like';

/** What a service tells the platform about itself. */
export interface ServiceDefinition<C extends PrismaClientLike = PrismaClientLike> {
  /** Its name: NATS queue group, PostgreSQL schema, subject prefix. */
  service: string;
  version?: string;
  /** Its root Nest module (handlers, services, repositories). */
  module: Type<unknown> | DynamicModule;
  prisma: PrismaClientFactory<C>;
  /** Every BullMQ job it declares, in one place. */
  jobs?: readonly JobDefinition[];
  /** Every durable event consumer it runs, in one place; each needs a handler registered by a module. */
  consumers?: readonly ConsumerDeclaration[];
  consumerPolicy?: ConsumerPolicy;
}
