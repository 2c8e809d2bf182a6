export * from './errors';
export * from './gateway';
export * from './messaging';
export * from './platform';
export * from './services';
