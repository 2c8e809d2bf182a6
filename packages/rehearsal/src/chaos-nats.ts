import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { ChaosCheck } from './chaos-checks';
import type { ChaosEvent } from './chaos-run';
import { SCHEMAS } from './event-pipeline';
import type { OwnNatsServer } from './own-nats-server';

/** Each of the run's streams by its last sequence (0: none yet). */
async function lastSequences(url: string, prefix: string): Promise<Map<string, number>> {
  const nats = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nats);
    const sequences = new Map<string, number>();
    for (const schema of SCHEMAS) {
      const info = await jsm.streams.info(`${prefix}_events_${schema}`).catch(() => null);
      sequences.set(schema, info?.state.last_seq ?? 0);
    }
    return sequences;
  } finally {
    await nats.close();
  }
}

/**
 * The run's own NATS server SIGKILLed and started again on the same port and storage (never the machine's shared
 * one): each stream's last sequence read just before the kill and again once the server is back, none of them lower
 * after (a message the server had acknowledged to a publisher kept).
 */
export async function natsKilledAndRestarted(
  nats: OwnNatsServer,
  prefix: string,
  seconds: () => number,
): Promise<{ event: ChaosEvent; check: ChaosCheck }> {
  const before = await lastSequences(nats.url, prefix);
  const pid = nats.pid;
  const at = seconds();
  await nats.killAndRestart();
  const after = await lastSequences(nats.url, prefix);
  const lost = [...before].filter(([schema, seq]) => (after.get(schema) ?? 0) < seq);
  const shown = [...before].map(([schema, seq]) => `${schema} ${seq}→${after.get(schema) ?? 0}`).join(', ');
  return {
    event: {
      at,
      what: `SIGKILLed the run's NATS server (pid ${pid}, port ${nats.port}) and started it again on the same port and storage (down and up in ${(seconds() - at).toFixed(1)} s)`,
    },
    check: {
      check: 'the NATS server SIGKILLed and restarted: every stream kept what it held (last sequence before → after)',
      ok: lost.length === 0,
      found: shown,
    },
  };
}
