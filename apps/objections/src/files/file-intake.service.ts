import { createHash, randomUUID } from 'node:crypto';
import {
  DomainError,
  type FieldError,
  type FileUpload,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_TOTAL_BYTES,
} from '@laurel/contracts';
import { FileStore, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';

export type FileKind = 'evidence' | 'identity_proof' | 'signature' | 'official_seal';

export interface IncomingFile {
  kind: FileKind;
  field: string;
  upload: FileUpload;
}

/** A checked file, hashed, ready to be stored. */
export interface AcceptedFile {
  id: string;
  kind: FileKind;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

const MAGIC: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

const reason = (zh: string, en: string) => ({ zh, en });

/** Decodes, checks (size, declared type against the bytes) and hashes uploaded files; stores the accepted ones. */
@Injectable()
export class FileIntakeService {
  constructor(private readonly store: FileStore) {}

  check(files: readonly IncomingFile[]): AcceptedFile[] {
    const errors: FieldError[] = [];
    const accepted: AcceptedFile[] = [];
    let total = 0;
    for (const file of files) {
      const bytes = Buffer.from(file.upload.contentBase64, 'base64');
      total += bytes.length;
      if (bytes.length === 0) {
        errors.push({ field: file.field, reason: reason('文件为空', 'is empty') });
      } else if (bytes.length > MAX_UPLOAD_BYTES) {
        errors.push({
          field: file.field,
          reason: reason(`文件过大（上限 ${MAX_UPLOAD_BYTES} 字节）`, `is too large (max ${MAX_UPLOAD_BYTES} bytes)`),
        });
      } else if (!MAGIC[file.upload.contentType]?.(bytes)) {
        errors.push({
          field: `${file.field}.contentType`,
          reason: reason('文件内容与声明的类型不符', 'does not match the content of the file'),
        });
      } else {
        accepted.push({
          id: randomUUID(),
          kind: file.kind,
          filename: file.upload.filename,
          contentType: file.upload.contentType,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes,
        });
      }
    }
    if (total > MAX_UPLOAD_TOTAL_BYTES) {
      errors.push({
        field: 'body',
        reason: reason(
          `文件总大小超过上限 ${MAX_UPLOAD_TOTAL_BYTES} 字节`,
          `files exceed ${MAX_UPLOAD_TOTAL_BYTES} bytes in total`,
        ),
      });
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    return accepted;
  }

  /** Writes the bytes before the rows are committed; the key is `<tenant>/<file id>`. */
  async save(files: readonly AcceptedFile[]): Promise<Map<string, string>> {
    const tenantId = RequestContexts.requireTenant();
    const keys = new Map<string, string>();
    for (const file of files) {
      const key = `${tenantId}/${file.id}`;
      await this.store.put(key, file.bytes);
      keys.set(file.id, key);
    }
    return keys;
  }

  /**
   * Stores the files, then runs `record` (the transaction that writes their rows); if that fails, the files are
   * removed again, so that no stored file is left that no row refers to.
   */
  async saveWhile<T>(files: readonly AcceptedFile[], record: (keys: Map<string, string>) => Promise<T>): Promise<T> {
    const keys = await this.save(files);
    try {
      return await record(keys);
    } catch (error) {
      for (const key of keys.values()) await this.store.delete(key).catch(() => undefined);
      throw error;
    }
  }
}
