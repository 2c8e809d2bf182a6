import { testRunId } from '../run-id.util';
import { ensureTemplateDatabase } from '../template-database';

/** Jest global set-up of packages whose tests use the database: the run id and the migrated template. */
export default async function globalSetup(): Promise<void> {
  testRunId();
  await ensureTemplateDatabase();
}
