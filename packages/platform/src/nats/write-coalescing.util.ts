import type { NatsConnection } from '@nats-io/transport-node';

/** The part of nats.js's `ProtocolHandler` (internal, `nc.protocol`) that queues outgoing protocol lines. */
interface ProtocolInternals {
  outbound: { size(): number; fill(buffer: Uint8Array, ...payloads: Uint8Array[]): void };
  pendingLimit: number;
  sendCommand(command: string | Uint8Array, ...payloads: Uint8Array[]): void;
  flushPending(): void;
}

const encoder = new TextEncoder();

function protocolOf(connection: NatsConnection): ProtocolInternals {
  const protocol = (connection as unknown as { protocol?: Partial<ProtocolInternals> }).protocol;
  if (
    !protocol ||
    typeof protocol.sendCommand !== 'function' ||
    typeof protocol.flushPending !== 'function' ||
    typeof protocol.outbound?.fill !== 'function' ||
    typeof protocol.outbound?.size !== 'function' ||
    typeof protocol.pendingLimit !== 'number'
  ) {
    throw new Error('coalesceWrites: this version of @nats-io/nats-core no longer has the internals it adapts');
  }
  return protocol as ProtocolInternals;
}

/**
 * Makes the connection write what was published during one turn of the event loop in one socket write.
 *
 * nats.js queues each protocol line and flushes the queue on a microtask, so under load every reply or request
 * published from its own I/O callback (a PostgreSQL answer, an HTTP request) costs one `write` system call, and one
 * wake-up of the NATS server. Here the flush waits for `setImmediate`: the end of the current poll phase, after
 * every I/O callback the loop had ready. It adds no timer and no latency beyond the rest of that loop turn; a queue
 * past the client's own limit (`pendingLimit`) is still written at once. ADR 0007 has the measurements.
 */
export function coalesceWrites(connection: NatsConnection): void {
  const protocol = protocolOf(connection);
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    protocol.flushPending();
  };
  protocol.sendCommand = (command, ...payloads) => {
    protocol.outbound.fill(typeof command === 'string' ? encoder.encode(command) : command, ...payloads);
    if (protocol.outbound.size() >= protocol.pendingLimit) {
      protocol.flushPending();
    } else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
