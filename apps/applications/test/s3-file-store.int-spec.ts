import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfigError, LocalDirectoryFileStore, loadConfig } from '@laurel/platform';
import { applicationsConfigSchema, s3FileStoreOptionsOf } from '../src/applications.config';
import { S3FileStore } from '../src/material/s3-file-store';
import { S3RVER_CREDENTIALS, TestS3Server } from './s3-server.util';

const BUCKET = 'laurel-test';
const PREFIX = 'laurel/materials/';
const keyOf = (tenant = randomUUID()) => `${tenant}/${randomUUID()}`;
/** Every byte value, then random bytes: nothing may be lost to text encodings on the way. */
const binary = (size: number) =>
  Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(size)]);

/** The S3-compatible file store against a real S3 server (s3rver), configured the way the service configures it. */
describe('S3-compatible file store', () => {
  let s3: TestS3Server;
  let store: S3FileStore;
  let raw: S3Client;
  const stores: S3FileStore[] = [];
  const storeOf = (extra: Record<string, string> = {}) => {
    const made = new S3FileStore(s3FileStoreOptionsOf(loadConfig(applicationsConfigSchema, s3.env(BUCKET, extra))));
    stores.push(made);
    return made;
  };

  beforeAll(async () => {
    s3 = await TestS3Server.start([BUCKET]);
    store = storeOf({ LAUREL_APPLICATIONS_S3_KEY_PREFIX: 'laurel/materials' });
    raw = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    });
  });
  afterAll(async () => {
    for (const made of stores) made.onModuleDestroy();
    raw?.destroy();
    await s3?.stop();
  });

  it('puts, gets and deletes binary bytes under the key prefix', async () => {
    const key = keyOf();
    const bytes = binary(1024 * 1024);
    await store.put(key, bytes);

    const back = await store.get(key);
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back.equals(bytes)).toBe(true);
    const head = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${key}` }));
    expect(head).toMatchObject({ ContentLength: bytes.length, ContentType: 'application/octet-stream' });
    expect(head.ETag).toBe(JSON.stringify(createHash('md5').update(bytes).digest('hex')));

    await store.delete(key);
    await expect(store.get(key)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps empty files and overwrites in place', async () => {
    const key = keyOf();
    await store.put(key, Buffer.alloc(0));
    expect(await store.get(key)).toEqual(Buffer.alloc(0));
    await store.put(key, Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect((await store.get(key)).toString()).toBe('%PDF-1.4\n%%EOF\n');
  });

  it('fails a missing key the way the local store fails a missing file (ENOENT); deleting it is no error', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'laurel-local-store-'));
    try {
      const key = keyOf();
      const local = await new LocalDirectoryFileStore(directory).get(key).catch((error: unknown) => error);
      const remote = await store.get(key).catch((error: unknown) => error);
      expect(local).toMatchObject({ code: 'ENOENT' });
      expect(remote).toBeInstanceOf(Error);
      expect(remote).toMatchObject({ code: 'ENOENT', message: expect.stringContaining(`${PREFIX}${key}`) });
      await expect(store.delete(key)).resolves.toBeUndefined();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('does not take a missing bucket or wrong credentials for a missing file', async () => {
    const noBucket = storeOf({ LAUREL_APPLICATIONS_S3_BUCKET: 'laurel-absent' });
    const error = await noBucket.get(keyOf()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NoSuchBucket' });
    expect(error).not.toMatchObject({ code: 'ENOENT' });
    const wrongKey = storeOf({ LAUREL_APPLICATIONS_S3_ACCESS_KEY_ID: 'NOT-S3RVER' });
    await expect(wrongKey.put(keyOf(), Buffer.from('x'))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    await expect(wrongKey.get(keyOf())).rejects.not.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses keys it did not generate', async () => {
    await expect(store.put('../etc/passwd', Buffer.from('x'))).rejects.toThrow('invalid file key');
    await expect(store.get(`${randomUUID()}/../${randomUUID()}`)).rejects.toThrow('invalid file key');
  });

  it('is the store the service uses with LAUREL_APPLICATIONS_FILE_STORE=s3', async () => {
    // Without a key prefix, at the bucket's root, through the same configuration the service reads.
    const plain = storeOf();
    const key = keyOf();
    await plain.put(key, Buffer.from('%PDF-1.4\n'));
    await expect(raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).resolves.toMatchObject({
      ContentLength: 9,
    });
    await plain.delete(key);
  });
});

describe('S3 file store configuration', () => {
  const s3Env = {
    LAUREL_APPLICATIONS_FILE_STORE: 's3',
    LAUREL_APPLICATIONS_S3_BUCKET: 'laurel-materials',
    LAUREL_APPLICATIONS_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    LAUREL_APPLICATIONS_S3_SECRET_ACCESS_KEY: 'secret',
  };
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(applicationsConfigSchema, env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('refuses to start the s3 store without bucket and credentials, naming each variable', () => {
    expect(() => loadConfig(applicationsConfigSchema, { LAUREL_APPLICATIONS_FILE_STORE: 's3' })).toThrow(ConfigError);
    expect(problemsOf({ LAUREL_APPLICATIONS_FILE_STORE: 's3' })).toEqual([
      { variable: 'LAUREL_APPLICATIONS_S3_BUCKET', reason: 'is required with LAUREL_APPLICATIONS_FILE_STORE=s3' },
      {
        variable: 'LAUREL_APPLICATIONS_S3_ACCESS_KEY_ID',
        reason: 'is required with LAUREL_APPLICATIONS_FILE_STORE=s3',
      },
      {
        variable: 'LAUREL_APPLICATIONS_S3_SECRET_ACCESS_KEY',
        reason: 'is required with LAUREL_APPLICATIONS_FILE_STORE=s3',
      },
    ]);
    const { LAUREL_APPLICATIONS_S3_BUCKET: _bucket, ...withoutBucket } = s3Env;
    expect(() => loadConfig(applicationsConfigSchema, withoutBucket)).toThrow(
      /LAUREL_APPLICATIONS_S3_BUCKET: is required with LAUREL_APPLICATIONS_FILE_STORE=s3/,
    );
  });

  it('needs none of it with the local store', () => {
    const config = loadConfig(applicationsConfigSchema, { LAUREL_APPLICATIONS_S3_REGION: 'cn-north-1' });
    expect(config.LAUREL_APPLICATIONS_FILE_STORE).toBe('local');
    expect(config.LAUREL_APPLICATIONS_S3_BUCKET).toBeUndefined();
  });

  it('names wrong values', () => {
    expect(
      problemsOf({
        ...s3Env,
        LAUREL_APPLICATIONS_FILE_STORE: 'S3',
        LAUREL_APPLICATIONS_S3_ENDPOINT: 'minio:9000',
        LAUREL_APPLICATIONS_S3_BUCKET: 'Laurel_Materials',
        LAUREL_APPLICATIONS_S3_FORCE_PATH_STYLE: 'yes',
        LAUREL_APPLICATIONS_S3_KEY_PREFIX: '/abs/../x',
        LAUREL_APPLICATIONS_S3_SECRET_ACCESS_KEY: '',
      }).map((p) => p.variable),
    ).toEqual([
      'LAUREL_APPLICATIONS_FILE_STORE',
      'LAUREL_APPLICATIONS_S3_ENDPOINT',
      'LAUREL_APPLICATIONS_S3_BUCKET',
      'LAUREL_APPLICATIONS_S3_SECRET_ACCESS_KEY',
      'LAUREL_APPLICATIONS_S3_FORCE_PATH_STYLE',
      'LAUREL_APPLICATIONS_S3_KEY_PREFIX',
    ]);
    expect(() =>
      loadConfig(applicationsConfigSchema, { ...s3Env, LAUREL_APPLICATIONS_S3_ENDPOINT: 'minio:9000' }),
    ).toThrow(/LAUREL_APPLICATIONS_S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/);
  });

  it('uses path-style URLs with an endpoint and virtual-hosted ones on AWS, unless told otherwise', () => {
    const optionsOf = (env: Record<string, string>) =>
      s3FileStoreOptionsOf(loadConfig(applicationsConfigSchema, { ...s3Env, ...env }));
    expect(optionsOf({})).toEqual({
      endpoint: undefined,
      region: 'us-east-1',
      bucket: 'laurel-materials',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      forcePathStyle: false,
      keyPrefix: '',
    });
    expect(
      optionsOf({
        LAUREL_APPLICATIONS_S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com',
        LAUREL_APPLICATIONS_S3_REGION: 'cn-hangzhou',
        LAUREL_APPLICATIONS_S3_KEY_PREFIX: 'laurel/materials',
      }),
    ).toMatchObject({
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      region: 'cn-hangzhou',
      forcePathStyle: true,
      keyPrefix: 'laurel/materials/',
    });
    expect(
      optionsOf({
        LAUREL_APPLICATIONS_S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com',
        LAUREL_APPLICATIONS_S3_FORCE_PATH_STYLE: 'false',
      }).forcePathStyle,
    ).toBe(false);
    expect(optionsOf({ LAUREL_APPLICATIONS_S3_FORCE_PATH_STYLE: 'true' }).forcePathStyle).toBe(true);
  });
});
