import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApplicationsRoutesModule } from './applications/applications-routes.module';
import { AuditController } from './audit/audit.controller';
import { AccessTokenService } from './auth/access-token.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { RefreshTokenRepository } from './auth/refresh-token.repository';
import { SessionRevocations } from './auth/session-revocations.service';
import { AwardsModule } from './awards/awards.module';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarHandler } from './calendar/calendar.handler';
import { CalendarService } from './calendar/calendar.service';
import { CalendarYearRepository } from './calendar/calendar-year.repository';
import { ClockController } from './clock/clock.controller';
import { ClockHandler } from './clock/clock.handler';
import { ClockService } from './clock/clock.service';
import { VirtualClockRepository } from './clock/virtual-clock.repository';
import { FundsRoutesModule } from './funds/funds-routes.module';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';
import { GATEWAY_SERVICES } from './gateway.tokens';
import { HealthController } from './health/health.controller';
import { SupervisorStatusReader } from './health/supervisor-status.reader';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { TenantScopedInterceptor } from './http/tenant-scoped.interceptor';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ObjectionsRoutesModule } from './objections/objections-routes.module';
import { DeadLetterController } from './operations/dead-letter.controller';
import { OperationsModule } from './operations/operations.module';
import { ReviewsRoutesModule } from './reviews/reviews-routes.module';
import { LaunchJurisdictionsService } from './tenant/launch-jurisdictions.service';
import { TenantController } from './tenant/tenant.controller';
import { TenantRepository } from './tenant/tenant.repository';
import { TenantService } from './tenant/tenant.service';
import { TenantDirectory } from './tenant/tenant-directory.service';
import { OfficeGrantsService } from './user/office-grants.service';
import { UserController } from './user/user.controller';
import { UserRepository } from './user/user.repository';
import { UserService } from './user/user.service';

export interface GatewayModuleOptions {
  config: GatewayConfig;
  services: readonly string[];
  /** More route modules (each service's API; tests add the probe's). */
  routes?: Type<unknown>[];
}

@Module({})
export class GatewayModule {
  static with(options: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [
        AwardsModule,
        ObjectionsRoutesModule,
        ApplicationsRoutesModule,
        ReviewsRoutesModule,
        FundsRoutesModule,
        OperationsModule,
        ...(options.routes ?? []),
      ],
      controllers: [
        AuthController,
        TenantController,
        UserController,
        HealthController,
        AuditController,
        DeadLetterController,
        CalendarController,
        CalendarHandler,
        ClockController,
        ClockHandler,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: options.config },
        { provide: GATEWAY_SERVICES, useValue: options.services },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        AccessTokenService,
        SessionRevocations,
        AuthService,
        RefreshTokenRepository,
        TenantDirectory,
        TenantRepository,
        TenantService,
        LaunchJurisdictionsService,
        TenantScopedInterceptor,
        UserService,
        UserRepository,
        OfficeGrantsService,
        IdempotencyService,
        IdempotencyRepository,
        CalendarService,
        CalendarYearRepository,
        SupervisorStatusReader,
        ClockService,
        VirtualClockRepository,
      ],
      exports: [
        GATEWAY_CONFIG,
        GATEWAY_SERVICES,
        TenantDirectory,
        TenantScopedInterceptor,
        AccessTokenService,
        SessionRevocations,
        UserService,
      ],
    };
  }
}
