/**
 * Where code outside dependency injection (decorators, the NATS wiring) reports what it saw;
 * the service runtime points these at its logger and metrics.
 */
export const ErrorReporter = {
  sink: (error: unknown, where: string): void => {
    console.error(where, error);
  },
  observe: (_subject: string, _outcome: 'ok' | 'error', _seconds: number): void => {},
  report(error: unknown, where: string): void {
    ErrorReporter.sink(error, where);
  },
};
