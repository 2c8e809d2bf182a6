import { type DynamicModule, Module } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail.service';
import { BlobTransfer } from '../blobs/blob-transfer.service';
import { CalendarProvider } from '../calendar/calendar-provider.service';
import { Clock, WALL_CLOCK } from '../clock/clock';
import { EventConsumers } from '../events/event-consumer.service';
import { Outbox } from '../events/outbox.service';
import { JobScheduler } from '../jobs/job-scheduler.service';
import { ServiceClient } from '../nats/service-client.service';
import { Database } from '../prisma/database.service';
import { platformHandlerFor } from './platform-handler';
import { PlatformRuntime } from './platform-runtime';

export const PLATFORM_LOGGER = Symbol('PLATFORM_LOGGER');
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** Makes the runtime's parts injectable in every module of the service. */
@Module({})
export class PlatformModule {
  static forRuntime(runtime: PlatformRuntime): DynamicModule {
    const providers = [
      { provide: PlatformRuntime, useValue: runtime },
      { provide: PLATFORM_CONFIG, useValue: runtime.config },
      { provide: PLATFORM_LOGGER, useValue: runtime.logger },
      { provide: Clock, useValue: runtime.clock },
      { provide: WALL_CLOCK, useValue: runtime.wallClock },
      { provide: CalendarProvider, useValue: runtime.calendar },
      { provide: Database, useValue: runtime.database },
      { provide: Outbox, useValue: runtime.outbox },
      { provide: AuditTrail, useValue: runtime.audit },
      { provide: ServiceClient, useValue: runtime.client },
      { provide: JobScheduler, useValue: runtime.jobs },
      { provide: EventConsumers, useValue: runtime.consumers },
      // Its bucket is created on first use: services that never transfer blobs never create one.
      { provide: BlobTransfer, useFactory: () => runtime.blobs },
    ];
    return {
      module: PlatformModule,
      global: true,
      controllers: [platformHandlerFor(runtime.service)],
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}
