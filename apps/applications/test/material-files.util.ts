import { createHash } from 'node:crypto';

/** Small files of every accepted kind, as an applicant would send them (bytes with the right signatures). */
const zip = (folder: string) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
    Buffer.from(`[Content_Types].xml<Types/>PK\u0003\u0004${folder}document.xml<doc/>`, 'latin1'),
  ]);
const ole2 = () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

export const BYTES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]),
  docx: zip('word/'),
  xlsx: zip('xl/'),
  pptx: zip('ppt/'),
  doc: ole2(),
  xls: ole2(),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126), Buffer.from('PE\0\0')]),
};

export const TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const;

export type MaterialKind = keyof typeof TYPES;
const EXTENSIONS: Record<MaterialKind, string> = {
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpg',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  doc: 'doc',
  xls: 'xls',
};

/** The `file` of an upload body: a kind's bytes (or others) under its declared type and extension. */
export const fileOf = (kind: MaterialKind, bytes: Buffer = BYTES[kind], name = `材料.${EXTENSIONS[kind]}`) => ({
  filename: name,
  contentType: TYPES[kind],
  contentBase64: bytes.toString('base64'),
});

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
