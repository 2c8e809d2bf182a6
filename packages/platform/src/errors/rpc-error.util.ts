import { DomainError, type DomainErrorShape, ERROR_CODES } from '@laurel/contracts';
import { ErrorReporter } from './error-reporter';

/** Turns anything thrown by a handler into the shape that crosses NATS; unexpected errors are reported, not leaked. */
export function toErrorShape(error: unknown, where: string): DomainErrorShape {
  if (error instanceof DomainError) return error.toShape();
  ErrorReporter.report(error, where);
  return { code: 'internal', detail: { zh: ERROR_CODES.internal.zh, en: ERROR_CODES.internal.en } };
}

/** Re-creates the DomainError a service threw from what came back over NATS. */
export function fromErrorShape(value: unknown): DomainError {
  if (DomainError.isShape(value)) return new DomainError(value);
  return new DomainError({ code: 'internal', detail: { zh: ERROR_CODES.internal.zh, en: ERROR_CODES.internal.en } });
}
