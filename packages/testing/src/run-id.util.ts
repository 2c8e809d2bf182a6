import { randomBytes } from 'node:crypto';

/** One id per test run (set by `npm test`; made up when jest runs alone), so runs never collide. */
export function testRunId(): string {
  if (!process.env.LAUREL_TEST_RUN_ID) process.env.LAUREL_TEST_RUN_ID = randomBytes(4).toString('hex');
  return process.env.LAUREL_TEST_RUN_ID;
}

/** A short unique suffix for one test file's resources. */
export function uniqueSuffix(): string {
  return `${process.env.JEST_WORKER_ID ?? '0'}${randomBytes(3).toString('hex')}`;
}
