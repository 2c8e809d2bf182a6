import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { type ObjectStore, Objm, StorageType } from '@nats-io/obj';
import { type NatsConnection, nanos } from '@nats-io/transport-node';
import type { SubjectNamespace } from '../nats/subject-namespace';

/** What `BlobTransfer.put` answers: the reference to hand to another service, with the size and SHA-256. */
export interface BlobReceipt {
  ref: string;
  size: number;
  sha256: string;
}

/** A blob opened for streaming: its size, content type and bytes. */
export interface BlobStream {
  size: number;
  contentType: string | null;
  stream: Readable;
  /** Resolves once the whole blob was read and its digest checked; rejects otherwise. */
  done: Promise<void>;
}

/** How long an unclaimed blob stays: a transfer that is never taken vanishes after this. */
export const BLOB_TTL_MS = 60 * 60 * 1000;

const REF = /^[a-f0-9-]{36}$/;

/** The object store bucket of one namespace, e.g. `laurel_blobs` (its stream is `OBJ_laurel_blobs`). */
export function blobBucketName(namespace: SubjectNamespace): string {
  return `${namespace.prefix}_blobs`.replace(/[^a-zA-Z0-9_-]/g, '_');
}

/** The blob is gone (taken, deleted or expired) or the reference was never one. */
export class BlobNotFoundError extends Error {
  constructor(ref: string) {
    super(`no blob ${ref}`);
    this.name = 'BlobNotFoundError';
  }
}

/**
 * Hands payloads too large for one NATS message (1 MiB by default) from one service to another: the sender puts
 * the bytes into the deployment's JetStream object store (`<prefix>_blobs`, chunked) and sends the reference; the
 * receiver takes them (read, then delete). Unclaimed blobs expire after `BLOB_TTL_MS`. The bucket is created on
 * first use, so services that never transfer blobs never create it.
 */
export class BlobTransfer {
  private store: Promise<ObjectStore> | null = null;

  constructor(
    private readonly nats: NatsConnection,
    private readonly namespace: SubjectNamespace,
    private readonly ttlMs = BLOB_TTL_MS,
  ) {}

  /** The object store bucket of this deployment (or test run). */
  get bucket(): string {
    return blobBucketName(this.namespace);
  }

  async put(bytes: Uint8Array, options: { contentType?: string } = {}): Promise<BlobReceipt> {
    const store = await this.open();
    const ref = randomUUID();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await store.putBlob(
      { name: ref, metadata: { sha256, ...(options.contentType ? { contentType: options.contentType } : {}) } },
      bytes,
    );
    return { ref, size: bytes.length, sha256 };
  }

  /** The blob's bytes; throws `BlobNotFoundError` when it is gone. The object store checks its digest. */
  async get(ref: string): Promise<Buffer> {
    const store = await this.open();
    const bytes = REF.test(ref) ? await store.getBlob(ref) : null;
    if (!bytes) throw new BlobNotFoundError(ref);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Reads the blob, then deletes it: a transfer is claimed once. */
  async take(ref: string): Promise<Buffer> {
    const bytes = await this.get(ref);
    await this.delete(ref);
    return bytes;
  }

  /**
   * Opens the blob as a Node stream (for an HTTP reply), deleting it once read through (or on failure when
   * `deleteAfter` is set). Throws `BlobNotFoundError` when it is gone.
   */
  async stream(ref: string, options: { deleteAfter?: boolean } = {}): Promise<BlobStream> {
    const store = await this.open();
    const result = REF.test(ref) ? await store.get(ref) : null;
    if (!result) throw new BlobNotFoundError(ref);
    const stream = Readable.fromWeb(result.data as Parameters<typeof Readable.fromWeb>[0]);
    const done = (async () => {
      try {
        const error = await result.error;
        if (error) throw error;
      } finally {
        if (options.deleteAfter) await this.delete(ref).catch(() => undefined);
      }
    })();
    // Callers that only care about the stream must not see an unhandled rejection.
    done.catch(() => undefined);
    return {
      size: result.info.size,
      contentType: result.info.metadata?.contentType ?? null,
      stream,
      done,
    };
  }

  /** Removes a blob; removing one already gone is not an error. */
  async delete(ref: string): Promise<void> {
    if (!REF.test(ref)) return;
    const store = await this.open();
    const info = await store.info(ref);
    if (info && !info.deleted) await store.delete(ref);
  }

  private open(): Promise<ObjectStore> {
    this.store ??= new Objm(this.nats)
      .create(this.bucket, {
        description: 'Laurel: payloads in transit between services',
        storage: StorageType.File,
        ttl: nanos(this.ttlMs),
      })
      .catch((error: unknown) => {
        this.store = null;
        throw error;
      });
    return this.store;
  }
}
