export * from './errors';
export * from './messaging';
export * from './platform';
export * from './services';
