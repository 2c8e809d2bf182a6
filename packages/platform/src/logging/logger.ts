import pino, { type Logger } from 'pino';
import { RequestContexts } from '../context/request-context';

/** Fields never written to logs: credentials, tokens, ID numbers and phone numbers, at any of three depths. */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'idNumber',
  'phone',
  'secret',
  'reporterIdentity',
];

export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `req.headers.${key}`]);

export type { Logger };

/** Structured JSON logs carrying the tenant and correlation id of the current request. */
export function createLogger(options: {
  service: string;
  level: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      name: options.service,
      level: options.level,
      base: { service: options.service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin() {
        const context = RequestContexts.current();
        return context ? { tenantId: context.tenantId, correlationId: context.correlationId } : {};
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
