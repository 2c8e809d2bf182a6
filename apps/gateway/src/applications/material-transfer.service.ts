import {
  DomainError,
  type FieldError,
  type MaterialContentType,
  type MaterialWireFile,
  materialDownload,
  materialReplace,
  materialReplaceBody,
  materialUpload,
  materialUploadBody,
} from '@laurel/contracts';
import { PlatformRuntime, type RequestContext } from '@laurel/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { ZodPipe } from '../http/zod-body.pipe';
import { materialRawReplaceQuery, materialRawUploadQuery } from './applications-routes.schema';
import { RawMaterialBody } from './material-body.parser';

/** Where the service's field names point for a raw upload: the body, the query and the Content-Type header. */
const RAW_FIELDS: Record<string, string> = {
  'body.file.blobRef': 'body',
  'body.file.filename': 'query.filename',
  'body.file.contentType': 'header.Content-Type',
};

/**
 * Carries material files between HTTP and the applications service: small ones inline (JSON with base64), large
 * ones through the blob store. A raw binary body goes into the blob store and the service gets its reference;
 * a download the service answers with a reference is streamed from the blob store to the client.
 */
@Injectable()
export class MaterialTransferService {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  upload(context: RequestContext, applicationId: string, body: unknown) {
    if (!(body instanceof RawMaterialBody)) {
      const parsed = new ZodPipe(materialUploadBody).transform(body);
      return this.runtime.client.request(materialUpload, { applicationId, ...parsed }, { context });
    }
    const query = new ZodPipe(materialRawUploadQuery, 'query').transform(body.query);
    return this.viaBlob(body, query.filename, (file) =>
      this.runtime.client.request(
        materialUpload,
        { applicationId, title: query.title, tradeSecret: query.tradeSecret, file },
        { context },
      ),
    );
  }

  replace(context: RequestContext, applicationId: string, materialId: string, body: unknown) {
    if (!(body instanceof RawMaterialBody)) {
      const parsed: z.output<typeof materialReplaceBody> = new ZodPipe(materialReplaceBody).transform(body);
      return this.runtime.client.request(materialReplace, { applicationId, materialId, ...parsed }, { context });
    }
    const query = new ZodPipe(materialRawReplaceQuery, 'query').transform(body.query);
    return this.viaBlob(body, query.filename, (file) =>
      this.runtime.client.request(
        materialReplace,
        {
          applicationId,
          materialId,
          ...(query.title === undefined ? {} : { title: query.title }),
          ...(query.tradeSecret === undefined ? {} : { tradeSecret: query.tradeSecret }),
          file,
        },
        { context },
      ),
    );
  }

  /** Sends one version's bytes: inline from the reply, or streamed from the blob store (then deleted). */
  async download(
    context: RequestContext,
    request: z.input<typeof materialDownload.request>,
    reply: FastifyReply,
  ): Promise<void> {
    const file = await this.runtime.client.request(materialDownload, request, { context });
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'no-store')
      .header('x-content-sha256', file.sha256)
      .header('x-material-version', String(file.version));
    if (!file.blobRef) {
      await reply.send(Buffer.from(file.contentBase64, 'base64'));
      return;
    }
    const blob = await this.runtime.blobs.stream(file.blobRef, { deleteAfter: true });
    await reply.header('content-length', String(blob.size)).send(blob.stream);
  }

  /** Puts the body into the blob store, sends its reference, and maps the service's field names to HTTP's. */
  private async viaBlob<T>(
    body: RawMaterialBody,
    filename: string,
    send: (file: MaterialWireFile) => Promise<T>,
  ): Promise<T> {
    const { ref } = await this.runtime.blobs.put(body.bytes, { contentType: body.contentType });
    try {
      return await send({ filename, contentType: body.contentType as MaterialContentType, blobRef: ref });
    } catch (error) {
      // The service takes the blob as it reads it; one never taken (timeout, refusal first) goes now.
      await this.runtime.blobs.delete(ref).catch(() => undefined);
      throw error instanceof DomainError ? rawFields(error) : error;
    }
  }
}

function rawFields(error: DomainError): DomainError {
  if (error.fields.length === 0) return error;
  const fields: FieldError[] = error.fields.map((f) => ({ ...f, field: RAW_FIELDS[f.field] ?? f.field }));
  return new DomainError({ ...error.toShape(), fields });
}
