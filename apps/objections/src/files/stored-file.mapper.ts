import type { FileKind } from './file-intake.service';

/** A stored file as staff and objectors see it: its metadata and hash, never its storage key. */
export const toStoredFileView = (file: {
  id: string;
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}) => ({
  id: file.id,
  kind: file.kind as FileKind,
  filename: file.filename,
  contentType: file.contentType,
  size: file.size,
  sha256: file.sha256,
});
