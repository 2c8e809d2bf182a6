export * from './applicant.contract';
export * from './application.contract';
export * from './application-counts.contract';
export * from './application-events.contract';
export * from './material.contract';
export * from './recommender.contract';
