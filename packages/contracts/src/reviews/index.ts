export * from './conflict.contract';
export * from './conflict-events.contract';
export * from './expert.contract';
export * from './review-application.contract';
export * from './score-sheet.contract';
export * from './stage-result.contract';
