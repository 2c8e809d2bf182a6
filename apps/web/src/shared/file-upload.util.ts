/** A file as the API takes it inline: base64 with its declared type (the service checks the bytes). */
export interface FileUpload {
  filename: string;
  contentType: 'image/png' | 'image/jpeg' | 'application/pdf';
  contentBase64: string;
}

/** What the public may send (contracts' UPLOAD_CONTENT_TYPES and MAX_UPLOAD_BYTES). */
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export const MAX_UPLOAD_BYTES = 256 * 1024;

export async function toUpload(file: File): Promise<FileUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: file.name, contentType: file.type as FileUpload['contentType'], contentBase64: btoa(binary) };
}

/** Saves a text (the written receipt, the result letter) as a file the reader keeps. */
export function saveText(filename: string, text: string): void {
  saveBlob(filename, new Blob([text], { type: 'text/plain;charset=utf-8' }));
}

/** Saves bytes the page holds (a downloaded material) as a file, under the name given. */
export function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
