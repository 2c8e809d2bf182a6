import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** s3rver's fixed credentials (it checks request signatures against them). */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** A real S3-compatible server in the test's process (s3rver), on a free port, with its data in a temporary directory. */
export class TestS3Server {
  private constructor(
    private readonly server: S3rver,
    private readonly directory: string,
    readonly endpoint: string,
  ) {}

  static async start(buckets: string[]): Promise<TestS3Server> {
    const directory = await mkdtemp(path.join(tmpdir(), 'laurel-s3rver-'));
    const server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory,
      configureBuckets: buckets.map((name) => ({ name })),
    });
    const { port } = await server.run();
    return new TestS3Server(server, directory, `http://127.0.0.1:${port}`);
  }

  /** The environment selecting the S3 store against this server. */
  env(bucket: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      LAUREL_APPLICATIONS_FILE_STORE: 's3',
      LAUREL_APPLICATIONS_S3_ENDPOINT: this.endpoint,
      LAUREL_APPLICATIONS_S3_BUCKET: bucket,
      LAUREL_APPLICATIONS_S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      LAUREL_APPLICATIONS_S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      ...extra,
    };
  }

  async stop(): Promise<void> {
    await this.server.close();
    await rm(this.directory, { recursive: true, force: true });
  }
}
