import { createHash } from 'node:crypto';
import { DomainError, type FieldError, type MaterialContentType, type MaterialWireFile } from '@laurel/contracts';
import { BlobNotFoundError, BlobTransfer } from '@laurel/platform';
import { Inject, Injectable } from '@nestjs/common';
import { APPLICATIONS_CONFIG, type ApplicationsConfig } from '../applications.config';

/** A checked file, hashed, ready to be stored. */
export interface CheckedFile {
  filename: string;
  contentType: MaterialContentType;
  size: number;
  sha256: string;
  bytes: Buffer;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const startsWith = (bytes: Buffer, signature: Buffer) => bytes.subarray(0, signature.length).equals(signature);
/** An Office Open XML package: a ZIP with `[Content_Types].xml` and the part folder of its kind. */
const ooxml = (folder: string) => (b: Buffer) =>
  startsWith(b, ZIP) && b.includes('[Content_Types].xml', 0, 'latin1') && b.includes(folder, 0, 'latin1');

/** Each accepted type: the file name extensions that may carry it, and its check against the bytes. */
const TYPES: Record<MaterialContentType, { extensions: readonly string[]; matches: (bytes: Buffer) => boolean }> = {
  'application/pdf': { extensions: ['.pdf'], matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/png': { extensions: ['.png'], matches: (b) => startsWith(b, PNG) },
  'image/jpeg': {
    extensions: ['.jpg', '.jpeg'],
    matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['.docx'],
    matches: ooxml('word/'),
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['.xlsx'], matches: ooxml('xl/') },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: ['.pptx'],
    matches: ooxml('ppt/'),
  },
  'application/msword': { extensions: ['.doc'], matches: (b) => startsWith(b, OLE2) },
  'application/vnd.ms-excel': { extensions: ['.xls'], matches: (b) => startsWith(b, OLE2) },
  'application/vnd.ms-powerpoint': { extensions: ['.ppt'], matches: (b) => startsWith(b, OLE2) },
};

/** Programs are never materials: PE (`MZ`), ELF, Mach-O, scripts with a `#!` line. */
function isExecutable(b: Buffer): boolean {
  if (b.length < 2) return false;
  if (b[0] === 0x4d && b[1] === 0x5a) return true;
  if (b[0] === 0x23 && b[1] === 0x21) return true;
  const head = b.subarray(0, 4).toString('hex');
  return ['7f454c46', 'feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe'].includes(head);
}

const reason = (zh: string, en: string) => ({ zh, en });

/**
 * Receives a material's file (decoded from base64, or taken from the blob store when the gateway handed it over
 * as a blob) and checks it: size, no program, extension and declared type against the bytes.
 */
@Injectable()
export class MaterialIntakeService {
  constructor(
    @Inject(APPLICATIONS_CONFIG) private readonly config: ApplicationsConfig,
    private readonly blobs: BlobTransfer,
  ) {}

  async receive(file: MaterialWireFile, field = 'body.file'): Promise<CheckedFile> {
    if ('contentBase64' in file) {
      return this.check(file, Buffer.from(file.contentBase64, 'base64'), field, `${field}.contentBase64`);
    }
    let bytes: Buffer;
    try {
      // Taken (read, then deleted) whatever the check says: a refused file does not stay in the blob store.
      bytes = await this.blobs.take(file.blobRef);
    } catch (error) {
      if (!(error instanceof BlobNotFoundError)) throw error;
      throw DomainError.validation([
        {
          field: `${field}.blobRef`,
          reason: reason('文件已过期或不存在，请重新上传', 'is gone (expired or already used): upload the file again'),
        },
      ]);
    }
    return this.check(file, bytes, field, `${field}.blobRef`);
  }

  /** The same checks whichever way the bytes came; `contentField` names them in errors. */
  check(
    file: { filename: string; contentType: MaterialContentType },
    bytes: Buffer,
    field = 'body.file',
    contentField = `${field}.contentBase64`,
  ): CheckedFile {
    const max = this.config.LAUREL_APPLICATIONS_MAX_FILE_BYTES;
    const type = TYPES[file.contentType];
    const extension = file.filename.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
    let error: FieldError | null = null;
    if (bytes.length === 0) {
      error = { field: contentField, reason: reason('文件为空', 'is empty') };
    } else if (bytes.length > max) {
      error = {
        field: contentField,
        reason: reason(`文件过大（上限 ${max} 字节）`, `is too large (max ${max} bytes)`),
      };
    } else if (isExecutable(bytes)) {
      error = {
        field: contentField,
        reason: reason('不接受可执行文件', 'is an executable program: not accepted as a material'),
      };
    } else if (!type.extensions.includes(extension)) {
      error = {
        field: `${field}.filename`,
        reason: reason(
          `文件扩展名与声明的类型不符（应为 ${type.extensions.join('、')}）`,
          `has an extension that does not match the declared type (expected ${type.extensions.join(', ')})`,
        ),
      };
    } else if (!type.matches(bytes)) {
      error = {
        field: `${field}.contentType`,
        reason: reason('文件内容与声明的类型不符', 'does not match the content of the file'),
      };
    }
    if (error) throw DomainError.validation([error]);
    return {
      filename: file.filename,
      contentType: file.contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
    };
  }
}
