/** The services of the platform; the gateway asks each of them for its health. */
export const SERVICES = ['applications', 'reviews', 'objections', 'awards', 'funds'] as const;
export type ServiceName = (typeof SERVICES)[number];
