/**
 * The services of the platform that exist (every app but the gateway): the gateway asks each of them for its
 * health and routes operators' audit and dead-letter requests to them. A test keeps this list equal to `apps/`.
 */
export const SERVICES = ['applications', 'awards', 'funds', 'objections', 'reviews'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** How zh text names a service (a problem's detail never shows the technical name). */
export const serviceLabels: Readonly<Record<string, string>> = {
  gateway: '网关',
  applications: '申报服务',
  awards: '奖项服务',
  objections: '公示与异议服务',
  reviews: '评审服务',
  funds: '奖励资金服务',
  web: '网页服务',
};
/** The zh name of a service, or a neutral one for a service the list does not know. */
export const serviceLabel = (service: string): string => serviceLabels[service] ?? '所需服务';
