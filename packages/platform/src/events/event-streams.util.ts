import { type JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { SubjectNamespace } from '../nats/subject-namespace';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates (or keeps) the JetStream stream of one service's events. */
export async function ensureEventStream(
  jsm: JetStreamManager,
  namespace: SubjectNamespace,
  service: string,
): Promise<string> {
  const name = namespace.eventStream(service);
  const config = {
    name,
    subjects: [namespace.eventStreamSubjects(service)],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(30 * DAY_MS),
    duplicate_window: nanos(10 * 60 * 1000),
  };
  try {
    await jsm.streams.info(name);
  } catch {
    try {
      await jsm.streams.add(config);
    } catch (error) {
      // Another instance created it in between.
      await jsm.streams.info(name).catch(() => {
        throw error;
      });
    }
  }
  return name;
}
