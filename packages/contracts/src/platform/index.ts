export * from './audit.contract';
export * from './calendar.contract';
export * from './clock.contract';
export * from './dead-letter.contract';
export * from './outbox-backlog.contract';
export * from './service-health.contract';
