export * from './cycle-context';
export * from './cycle-driver';
export * from './gateway-client';
export * from './policy-file';
export * from './rehearsal-clock';
export * from './rehearsal-platform';
export * from './rehearsal-step';
