export * from './award-decision.contract';
export * from './awards-common.schema';
export * from './ban.contract';
export * from './candidate-list-record.contract';
export * from './cycle.contract';
export * from './policy.contract';
export * from './programme.contract';
export * from './regulation.contract';
