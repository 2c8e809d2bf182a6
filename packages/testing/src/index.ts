export * from './admin-database.util';
export * from './child-service';
export * from './eventually.util';
export * from './run-id.util';
export * from './template-database';
export * from './test.config';
export * from './test-infrastructure';
