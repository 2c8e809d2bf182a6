export * from './applications';
export * from './awards';
export * from './errors';
export * from './gateway';
export * from './messaging';
export * from './objections';
export * from './platform';
export * from './services';
