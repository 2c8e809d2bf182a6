import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { FileStore } from '@laurel/platform';
import type { OnModuleDestroy } from '@nestjs/common';

/** Where and how to reach the bucket (see `LAUREL_APPLICATIONS_S3_*` in `applications.config.ts`). */
export interface S3FileStoreOptions {
  /** An S3-compatible endpoint (MinIO, OSS, COS, OBS, ...); none for AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>/<key>`. */
  forcePathStyle: boolean;
  /** Put before every key, e.g. `laurel/materials/` (empty: keys at the bucket's root). */
  keyPrefix: string;
}

const KEY = /^[a-f0-9-]{36}\/[a-f0-9-]{36}$/;

/**
 * Materials' bytes in a bucket of any S3-compatible store: one object per key (`<prefix><tenant id>/<version id>`).
 * Sends Content-MD5 on upload (verified by every S3-compatible store); the service checks the recorded SHA-256 on
 * every read. The SDK's newer default checksums (CRC32 headers and trailers) are only sent where an operation
 * requires them, since several S3-compatible stores refuse or mishandle them.
 */
export class S3FileStore extends FileStore implements OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly keyPrefix: string;

  constructor(options: S3FileStoreOptions) {
    super();
    this.bucket = options.bucket;
    this.keyPrefix = options.keyPrefix;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: 'application/octet-stream',
        ContentMD5: createHash('md5').update(bytes).digest('base64'),
      }),
    );
  }

  /** The object's bytes; a missing object fails like a missing file of the local store (`code: 'ENOENT'`). */
  async get(key: string): Promise<Buffer> {
    const objectKey = this.objectKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      if (!object.Body) throw new Error(`the S3 store returned no body for ${objectKey}`);
      const bytes = await object.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (isMissing(error)) throw missingObject(this.bucket, objectKey);
      throw error;
    }
  }

  /** DeleteObject succeeds for a missing key on S3; a store that answers 404 instead is treated the same. */
  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    if (!KEY.test(key)) throw new Error('invalid file key');
    return `${this.keyPrefix}${key}`;
  }
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    (error instanceof S3ServiceException &&
      (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404) &&
      error.name !== 'NoSuchBucket')
  );
}

/** The same kind of error as `fs.readFile` of a missing file: an Error with `code: 'ENOENT'`. */
function missingObject(bucket: string, objectKey: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no such object in the S3 store, ${bucket}/${objectKey}`), {
    code: 'ENOENT',
  });
}
