export * from './actor.schema';
export * from './event-contract';
export * from './event-envelope.schema';
export * from './headers';
export * from './message-contract';
export * from './page.schema';
