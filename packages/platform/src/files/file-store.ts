import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the bytes of uploaded files live (objection evidence, application materials); the database keeps their
 * metadata and SHA-256. Keys are generated (`<tenant id>/<file id>`), never user input. An S3-compatible store
 * implements the same three calls (PutObject, GetObject, DeleteObject on `<bucket>/<key>`).
 */
export abstract class FileStore {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  /** Removes a key; removing a missing key is not an error. */
  abstract delete(key: string): Promise<void>;
}

const KEY = /^[a-f0-9-]{36}\/[a-f0-9-]{36}$/;

/** The default store: one file per key under a local directory, written atomically (write, then rename). */
export class LocalDirectoryFileStore extends FileStore {
  constructor(private readonly directory: string) {
    super();
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    await writeFile(partial, bytes, { flag: 'wx' });
    await rename(partial, file);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('invalid file key');
    return path.join(this.directory, key);
  }
}
