import { type JetStreamManager, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { SubjectNamespace } from '../nats/subject-namespace';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates (or keeps) the JetStream stream of one service's events. */
export function ensureEventStream(
  jsm: JetStreamManager,
  namespace: SubjectNamespace,
  service: string,
): Promise<string> {
  return ensureStream(jsm, {
    name: namespace.eventStream(service),
    subjects: [namespace.eventStreamSubjects(service)],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(30 * DAY_MS),
    duplicate_window: nanos(10 * 60 * 1000),
  });
}

/** Creates a stream unless it exists (an existing one is kept as it is); resolves its name. */
export async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }) {
  try {
    await jsm.streams.info(config.name);
  } catch {
    try {
      await jsm.streams.add(config);
    } catch (error) {
      // Another instance created it in between.
      await jsm.streams.info(config.name).catch(() => {
        throw error;
      });
    }
  }
  return config.name;
}
