/** NATS header names that carry the request context between services. */
export const Headers = {
  tenantId: 'laurel-tenant-id',
  correlationId: 'laurel-correlation-id',
  actor: 'laurel-actor',
  /** The key a command sent with a client's Idempotency-Key is recorded under (hex SHA-256). */
  commandKey: 'laurel-command-key',
} as const;
