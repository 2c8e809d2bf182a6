import { DomainError, fieldErrorsFromZod, type MessageContract } from '@laurel/contracts';
import type { MsgHdrs } from '@nats-io/transport-node';
import { Ctx, MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import { RequestContexts } from '../context/request-context';
import { ErrorReporter } from '../errors/error-reporter';
import { toErrorShape } from '../errors/rpc-error.util';
import { runRecorded } from '../prisma/command-receipts';
import { contextFromHeaders } from './context-headers.util';

interface HeaderCarrier {
  getHeaders(): MsgHdrs | undefined;
}

type Handler = (this: unknown, request: unknown, carrier: HeaderCarrier) => unknown;

/** A method marked with `@Handles`: its class, and the wrapper that does all the handling. */
export interface HandlerMethod {
  type: abstract new (...args: never[]) => unknown;
  handle: (this: unknown, data: unknown, carrier: HeaderCarrier) => Promise<unknown>;
}

/** Every `@Handles` method by subject, for the NATS server to call directly (see `PrefixedNatsServer`). */
export const HANDLER_METHODS = new Map<string, HandlerMethod>();

/**
 * Marks a method as the handler of a NATS command or query. On arrival it puts tenant, correlation id
 * and actor from the headers into the request context, refuses tenant-scoped messages without a tenant,
 * validates the request and the response against the contract, and maps errors to their wire shape.
 * The handler receives the parsed request.
 */
export function Handles(contract: MessageContract): MethodDecorator {
  return (target, key, descriptor) => {
    const original = descriptor.value as unknown as Handler;
    const where = `${contract.subject} handler`;
    const wrapped = async function (this: unknown, data: unknown, carrier: HeaderCarrier): Promise<unknown> {
      const context = contextFromHeaders(carrier?.getHeaders());
      const started = performance.now();
      try {
        if (contract.scope === 'tenant' && !context.tenantId) {
          throw new DomainError({
            code: 'forbidden',
            detail: {
              zh: '此操作须在某一辖区（租户）内调用',
              en: `${contract.subject} needs a tenant and none was given`,
            },
          });
        }
        const request = contract.request.safeParse(data ?? {});
        if (!request.success) throw DomainError.validation(fieldErrorsFromZod(request.error, 'body'));
        const answerOf = (result: unknown) => {
          const response = contract.response.safeParse(result);
          if (!response.success) {
            throw new Error(`${contract.subject} answered outside its contract: ${response.error.message}`);
          }
          return response.data;
        };
        const handle = async () => RequestContexts.run(context, () => original.call(this, request.data, carrier));
        // A command of a keyed write: answered from its receipt, or recorded in it (a retry after a lost answer).
        const answer =
          contract.kind === 'command' && context.commandKey
            ? await runRecorded(context.commandKey, contract.subject, context.tenantId, handle, answerOf)
            : answerOf(await handle());
        ErrorReporter.observe(contract.subject, 'ok', (performance.now() - started) / 1000);
        return answer;
      } catch (error) {
        ErrorReporter.observe(contract.subject, 'error', (performance.now() - started) / 1000);
        throw new RpcException(RequestContexts.run(context, () => toErrorShape(error, where)));
      }
    };
    Object.defineProperty(wrapped, 'name', { value: String(key) });
    HANDLER_METHODS.set(contract.subject, {
      type: (target as { constructor: HandlerMethod['type'] }).constructor,
      handle: wrapped,
    });
    (descriptor as PropertyDescriptor).value = wrapped;
    // The wrapper takes the payload and the NATS context (for its headers), whatever the handler declares.
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
    MessagePattern(contract.subject)(target, key, descriptor);
    return descriptor;
  };
}
