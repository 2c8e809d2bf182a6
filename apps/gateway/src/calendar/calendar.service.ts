import {
  answerDeadlineQuery,
  builtInSchedules,
  CalendarInputError,
  type DeadlineAnswer,
  officialScheduleSchema,
  officialScheduleWarnings,
} from '@laurel/calendar';
import {
  calendarApplyContract,
  calendarYearLoaded,
  DomainError,
  fieldErrorsFromZod,
  type MovedDeadline,
} from '@laurel/contracts';
import {
  AuditTrail,
  CalendarProvider,
  Clock,
  Database,
  Outbox,
  PLATFORM_TENANT_ID,
  PlatformRuntime,
  type RequestContext,
  RequestContexts,
} from '@laurel/platform';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_SERVICES } from '../gateway.tokens';
import type { GatewayTx, PrismaClient } from '../gateway-prisma';
import type { Prisma } from '../generated/prisma/client';
import type { LoadYearBody } from './calendar.schema';
import { CalendarYearRepository } from './calendar-year.repository';

export interface ServiceApplication {
  service: string;
  status: 'applied' | 'unreachable';
  moved: number;
  error?: string;
}

/**
 * The official calendar: operators load a year's schedule when the State Council publishes it; every service
 * applies it at once (no restart, no release) and recomputes the deadlines it stored on the provisional year.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly years: CalendarYearRepository,
    private readonly provider: CalendarProvider,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    @Inject(GATEWAY_SERVICES) private readonly services: readonly string[],
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // The gateway owns the loaded years: it reads them from its own database.
    this.provider.useLoader(() => this.schedules());
  }

  async schedules(): Promise<unknown[]> {
    const rows = await this.system((tx) => this.years.all(tx));
    return rows.map((row) => row.schedule);
  }

  async load(context: RequestContext, year: number, body: LoadYearBody) {
    if (body.year !== undefined && body.year !== year) {
      throw DomainError.validation([
        {
          field: 'body.year',
          reason: { zh: `须与路径中的年份 ${year} 一致`, en: `must equal the year in the path (${year})` },
        },
      ]);
    }
    const parsed = officialScheduleSchema.safeParse({ ...body, year });
    if (!parsed.success) throw DomainError.validation(fieldErrorsFromZod(parsed.error, 'body'));
    const schedule = parsed.data;
    const row = await RequestContexts.run({ ...context, tenantId: PLATFORM_TENANT_ID }, () =>
      this.database.asSystem(async (tx) => {
        const before = await this.years.find(tx, year);
        const saved = await this.years.upsert(
          tx,
          year,
          schedule as unknown as Prisma.InputJsonValue,
          schedule.source,
          context.actor?.userId ?? 'unknown',
          this.clock.now(),
        );
        await this.outbox.add(tx, calendarYearLoaded, { year, source: schedule.source });
        await this.audit.record(tx, {
          action: before ? 'calendar.year.replace' : 'calendar.year.load',
          targetType: 'calendar_year',
          targetId: String(year),
          basis: schedule.source,
          before: before?.schedule ?? null,
          after: schedule,
        });
        return saved;
      }),
    );
    const schedules = await this.schedules();
    await this.provider.apply(schedules);
    const applications = await Promise.all(this.services.map((service) => this.applyIn(service, schedules, context)));
    return {
      year,
      source: row.source,
      loadedAt: row.loadedAt.toISOString(),
      status: this.provider.calendar.yearStatus(year),
      warnings: officialScheduleWarnings(schedule),
      services: applications.map(({ moved, ...application }) => ({ ...application, moved: moved.length })),
      movedDeadlines: applications.flatMap((application) => application.moved),
    };
  }

  async list() {
    const rows = await this.system((tx) => this.years.all(tx));
    const calendar = this.provider.calendar;
    // The platform's year (a rehearsal's virtual one), in Beijing.
    const thisYear = new Date(this.clock.now().getTime() + 8 * 3600 * 1000).getUTCFullYear();
    return {
      calendar: calendar.id,
      loaded: rows.map((row) => ({
        year: row.year,
        source: row.source,
        loadedBy: row.loadedBy,
        loadedAt: row.loadedAt.toISOString(),
      })),
      years: [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((year) => calendar.yearStatus(year)),
    };
  }

  async year(year: number) {
    const loaded = await this.system((tx) => this.years.find(tx, year));
    const schedule = loaded?.schedule ?? builtInSchedules().find((s) => s.year === year) ?? null;
    return { ...this.provider.calendar.yearStatus(year), schedule };
  }

  deadline(query: { start?: string; count?: string; unit?: string }): DeadlineAnswer {
    try {
      return answerDeadlineQuery(query, this.provider.calendar);
    } catch (error) {
      if (error instanceof CalendarInputError) {
        throw DomainError.validation([
          { field: `query.${error.field}`, reason: { zh: error.message, en: error.message } },
        ]);
      }
      throw error;
    }
  }

  private async applyIn(
    service: string,
    schedules: unknown[],
    context: RequestContext,
  ): Promise<Omit<ServiceApplication, 'moved'> & { moved: MovedDeadline[] }> {
    try {
      const answer = await this.runtime.client.request(
        calendarApplyContract(service),
        { schedules },
        { context: { ...context, tenantId: null }, timeoutMs: 15000 },
      );
      return { service, status: 'applied', moved: answer.moved };
    } catch (error) {
      // The service applies it when it starts (it reloads and recomputes then), and hears the event if it runs.
      return {
        service,
        status: 'unreachable',
        moved: [],
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private system<T>(fn: (tx: GatewayTx) => Promise<T>): Promise<T> {
    return this.database.acrossTenants(fn);
  }
}
