export * from './tenant.schema';
