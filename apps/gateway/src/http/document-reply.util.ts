import type { FastifyReply } from 'fastify';

/**
 * How long the gateway waits for a service to render a document (a PDF with an embedded CJK font and a QR code).
 * Rendering is CPU work of a second or two on a busy 2-core machine, far more than a command; the default request
 * timeout (LAUREL_NATS_REQUEST_TIMEOUT_MS, 10 s) answered 504 for a certificate while a whole test run shared the cores.
 */
export const DOCUMENT_TIMEOUT_MS = 30_000;

/** A rendered document as a service answers it. */
export interface RenderedDocument {
  contentType: string;
  filename: string;
  contentBase64: string;
}

/** Sends a rendered document as a download that no cache keeps. */
export function replyWithDocument(reply: FastifyReply, document: RenderedDocument): Buffer {
  reply
    .header('content-type', document.contentType)
    .header('content-disposition', `attachment; filename="${document.filename}"`)
    .header('cache-control', 'no-store');
  return Buffer.from(document.contentBase64, 'base64');
}
