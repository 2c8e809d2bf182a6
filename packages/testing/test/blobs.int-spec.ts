import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { BLOB_TTL_MS, BlobNotFoundError, BlobTransfer, blobBucketName, SubjectNamespace } from '@laurel/platform';
import { type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
import { TestInfrastructure } from '../src/test-infrastructure';

const NATS_URL = process.env.LAUREL_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function streamExists(jsm: JetStreamManager, name: string): Promise<boolean> {
  for await (const stream of jsm.streams.names()) if (stream === name) return true;
  return false;
}

/** Payloads larger than one NATS message, handed between services through the JetStream object store. */
describe('BlobTransfer over the JetStream object store', () => {
  let infra: TestInfrastructure | null = null;
  let nats: NatsConnection;
  let jsm: JetStreamManager;
  let blobs: BlobTransfer;
  let stream: string;

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    nats = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(nats);
    blobs = new BlobTransfer(nats, new SubjectNamespace(infra.prefix));
    stream = `OBJ_${blobBucketName(new SubjectNamespace(infra.prefix))}`;
  });
  afterAll(async () => {
    await infra?.dispose();
    await nats?.close();
  });

  it('creates its bucket on first use only, per prefix, with a one-hour TTL', async () => {
    expect(blobs.bucket).toBe(`${infra?.prefix}_blobs`);
    expect(await streamExists(jsm, stream)).toBe(false);
    await blobs.put(Buffer.from('%PDF-1.4\n'));
    const info = await jsm.streams.info(stream);
    expect(info.config.max_age).toBe(nanos(BLOB_TTL_MS));
  });

  it('puts several MiB (more than one NATS message) and gets them back byte for byte', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const receipt = await blobs.put(bytes, { contentType: 'application/pdf' });
    expect(receipt).toEqual({
      ref: expect.stringMatching(/^[a-f0-9-]{36}$/),
      size: bytes.length,
      sha256: sha256(bytes),
    });
    const read = await blobs.get(receipt.ref);
    expect(read.equals(bytes)).toBe(true);
    // take = read, then delete: a transfer is claimed once.
    expect((await blobs.take(receipt.ref)).equals(bytes)).toBe(true);
    await expect(blobs.get(receipt.ref)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.take(receipt.ref)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('streams a blob and deletes it once read through', async () => {
    const bytes = randomBytes(1536 * 1024);
    const { ref } = await blobs.put(bytes, { contentType: 'image/png' });
    const opened = await blobs.stream(ref, { deleteAfter: true });
    expect(opened.size).toBe(bytes.length);
    expect(opened.contentType).toBe('image/png');
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(Buffer.from(chunk as Uint8Array));
    await opened.done;
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    await expect(blobs.get(ref)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('treats unknown, deleted and malformed references as gone', async () => {
    await expect(blobs.get(randomUUID())).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.get('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.stream(randomUUID())).rejects.toBeInstanceOf(BlobNotFoundError);
    const { ref } = await blobs.put(Buffer.from('x'));
    await blobs.delete(ref);
    await blobs.delete(ref);
    await blobs.delete(randomUUID());
    await expect(blobs.get(ref)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('is isolated per prefix: another namespace cannot read the blob', async () => {
    const { ref } = await blobs.put(Buffer.from('secret'));
    const otherPrefix = `${infra?.prefix}x`;
    const other = new BlobTransfer(nats, new SubjectNamespace(otherPrefix));
    try {
      await expect(other.get(ref)).rejects.toBeInstanceOf(BlobNotFoundError);
    } finally {
      // The other bucket's stream also contains this run's prefix: dispose removes it too.
      expect(await streamExists(jsm, `OBJ_${otherPrefix}_blobs`)).toBe(true);
    }
  });

  it('leaves no object store stream behind after dispose', async () => {
    const prefix = infra?.prefix as string;
    await infra?.dispose();
    infra = null;
    const names: string[] = [];
    for await (const name of jsm.streams.names()) if (name.includes(prefix)) names.push(name);
    expect(names).toEqual([]);
  });
});
