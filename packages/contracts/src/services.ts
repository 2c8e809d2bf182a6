/**
 * The services of the platform that exist (every app but the gateway): the gateway asks each of them for its
 * health and routes operators' audit and dead-letter requests to them. A test keeps this list equal to `apps/`;
 * reviews and funds join it when they are built.
 */
export const SERVICES = ['applications', 'awards', 'objections'] as const;
export type ServiceName = (typeof SERVICES)[number];
