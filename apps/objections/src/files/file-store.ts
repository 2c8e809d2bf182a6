import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where the bytes of uploaded files live; the database keeps their metadata and SHA-256. */
export abstract class FileStore {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
}

const KEY = /^[a-f0-9-]{36}\/[a-f0-9-]{36}$/;

/** The default store: one file per key under a local directory (keys are generated ids, never user input). */
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

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('invalid file key');
    return path.join(this.directory, key);
  }
}
