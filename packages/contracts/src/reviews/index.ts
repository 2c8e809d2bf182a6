export * from './assignment.contract';
export * from './conflict.contract';
export * from './conflict-events.contract';
export * from './expert.contract';
export * from './panel.contract';
export * from './review-application.contract';
export * from './review-stage.contract';
