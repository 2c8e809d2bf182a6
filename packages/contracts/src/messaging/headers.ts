/** NATS header names that carry the request context between services. */
export const Headers = {
  tenantId: 'laurel-tenant-id',
  correlationId: 'laurel-correlation-id',
  actor: 'laurel-actor',
} as const;
