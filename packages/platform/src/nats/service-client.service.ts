import { randomUUID } from 'node:crypto';
import {
  DomainError,
  ERROR_CODES,
  fieldErrorsFromZod,
  type MessageContract,
  type RequestOf,
  type ResponseOf,
  serviceLabel,
} from '@laurel/contracts';
import { errors } from '@nats-io/transport-node';
import { type RequestContext, RequestContexts } from '../context/request-context';
import { fromErrorShape } from '../errors/rpc-error.util';
import { CommandReceipts } from '../prisma/command-receipts';
import { contextToHeaders } from './context-headers.util';
import type { RequestMux } from './request-mux';
import type { SubjectNamespace } from './subject-namespace';

interface NestReply {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

/**
 * Sends commands and queries to other services over NATS request/reply, with the current request
 * context in the headers; checks the request before sending and the answer on arrival.
 */
export class ServiceClient {
  constructor(
    private readonly requests: RequestMux,
    private readonly namespace: SubjectNamespace,
    private readonly timeoutMs: number,
  ) {}

  async request<C extends MessageContract>(
    contract: C,
    payload: RequestOf<C>,
    options: { context?: RequestContext; timeoutMs?: number } = {},
  ): Promise<ResponseOf<C>> {
    const context = options.context ?? RequestContexts.current() ?? RequestContexts.system();
    if (contract.scope === 'tenant' && !context.tenantId) {
      throw new DomainError({
        code: 'forbidden',
        detail: { zh: '此操作须在某一辖区内调用', en: `${contract.subject} needs a tenant` },
      });
    }
    const request = contract.request.safeParse(payload);
    if (!request.success) throw DomainError.validation(fieldErrorsFromZod(request.error, 'body'));
    const id = randomUUID();
    // A command of a keyed write carries a key of its own (the n-th call of its subject); a query carries none. The
    // write's key is the context's, or, in the gateway, its route's recording (a context built before the key was).
    const recording = CommandReceipts.current();
    const writeKey = context.commandKey ?? (recording && !recording.records ? recording.key : null);
    const commandKey =
      writeKey && contract.kind === 'command' ? CommandReceipts.keyForCall(writeKey, contract.subject) : null;
    let reply: NestReply;
    try {
      const message = await this.requests.request(
        this.namespace.wire(contract.subject),
        JSON.stringify({ pattern: contract.subject, data: request.data, id }),
        { timeoutMs: options.timeoutMs ?? this.timeoutMs, headers: contextToHeaders({ ...context, commandKey }) },
      );
      reply = message.json<NestReply>();
    } catch (error) {
      throw this.transportError(contract.subject, error);
    }
    if (reply.err !== undefined && reply.err !== null) throw fromErrorShape(reply.err);
    const response = contract.response.safeParse(reply.response);
    if (!response.success) {
      throw new DomainError({
        code: 'internal',
        detail: { zh: ERROR_CODES.internal.zh, en: `${contract.subject} answered outside its contract` },
      });
    }
    return response.data as ResponseOf<C>;
  }

  private transportError(subject: string, error: unknown): DomainError {
    const service = subject.split('.')[0] ?? subject;
    if (error instanceof errors.TimeoutError || (error instanceof Error && /timeout/i.test(error.message))) {
      return new DomainError({
        code: 'timeout',
        detail: { zh: `${serviceLabel(service)}响应超时`, en: `The ${service} service did not answer in time` },
      });
    }
    return new DomainError({
      code: 'service_unavailable',
      detail: { zh: `${serviceLabel(service)}暂不可用`, en: `The ${service} service is unavailable` },
    });
  }
}
