import pino, { type Logger } from 'pino';
import { RequestContexts } from '../context/request-context';
import { scrubSecrets } from './scrub-secrets.util';

export type { Logger };

/** Structured JSON logs carrying the tenant and correlation id of the current request. */
export function createLogger(options: {
  service: string;
  /** Which instance of the service (`LAUREL_INSTANCE_ID`), when several run side by side. */
  instance?: string;
  level: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      name: options.service,
      level: options.level,
      base: options.instance ? { service: options.service, instance: options.instance } : { service: options.service },
      // Credentials, tokens, ID numbers and phone numbers never reach a log line, at any depth (scrub-secrets.util).
      formatters: { log: (object) => scrubSecrets(object) as Record<string, unknown> },
      // Errors were already turned into pino's error shape by the scrub; serialising again would rename their type.
      serializers: { err: (error: unknown) => error },
      mixin() {
        const context = RequestContexts.current();
        return context ? { tenantId: context.tenantId, correlationId: context.correlationId } : {};
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
