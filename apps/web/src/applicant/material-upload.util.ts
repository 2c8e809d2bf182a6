import { api } from '../api/api-client';
import { type Problem, ProblemError, unwrap } from '../api/problem';
import { sessionStore } from '../api/session-store';
import { currentLanguage } from '../i18n/language';
import { saveBlob } from '../shared/file-upload.util';

/** What a material may be (contracts' MATERIAL_CONTENT_TYPES): PDF, images, Office documents. */
export const MATERIAL_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
] as const;

const materialsPath = (tenantKey: string, applicationId: string) =>
  `/api/v1/tenants/${encodeURIComponent(tenantKey)}/applications/${applicationId}/materials`;

/**
 * Sends the file itself as the body (the gateway's raw upload: `?title=&filename=&tradeSecret=`), so a large file is
 * not base64 in JSON; the service checks the bytes against the type. A problem names `query.title` etc., which the
 * form knows as `title`.
 */
async function sendFile(method: 'POST' | 'PUT', url: string, query: Record<string, string>, file: File) {
  const response = await fetch(`${url}?${new URLSearchParams({ ...query, filename: file.name })}`, {
    method,
    headers: {
      authorization: `Bearer ${await sessionStore.accessToken()}`,
      'content-type': file.type || 'application/octet-stream',
      'accept-language': currentLanguage() === 'en' ? 'en' : 'zh-CN',
    },
    body: file,
  });
  const answer = (await response.json().catch(() => ({}))) as Problem;
  if (response.ok) return answer;
  const errors = (answer.errors ?? []).map((e) => ({ ...e, field: e.field?.replace(/^(query|header)\./, 'body.') }));
  throw new ProblemError({ ...answer, errors, status: answer.status ?? response.status });
}

/** Uploads a new material. */
export function uploadMaterial(
  tenantKey: string,
  applicationId: string,
  input: { title: string; tradeSecret: boolean; file: File },
): Promise<unknown> {
  const query = { title: input.title, tradeSecret: String(input.tradeSecret) };
  return sendFile('POST', materialsPath(tenantKey, applicationId), query, input.file);
}

/** Replaces a material's file: in place before the first submission, a new version after a return (the service). */
export function replaceMaterial(tenantKey: string, applicationId: string, materialId: string, file: File) {
  return sendFile('PUT', `${materialsPath(tenantKey, applicationId)}/${materialId}`, {}, file);
}

/** Removes a material never submitted (the service refuses one submitted, with why). */
export async function removeMaterial(tenantKey: string, applicationId: string, materialId: string) {
  return unwrap(
    await api.DELETE('/api/v1/tenants/{tenantKey}/applications/{id}/materials/{materialId}', {
      params: { path: { tenantKey, id: applicationId, materialId } },
    }),
  );
}

/** Downloads a material's current version with the account's token (the service audits it) and saves it. */
export async function downloadMaterial(
  tenantKey: string,
  applicationId: string,
  materialId: string,
  filename: string,
): Promise<boolean> {
  const response = await fetch(`${materialsPath(tenantKey, applicationId)}/${materialId}`, {
    headers: { authorization: `Bearer ${await sessionStore.accessToken()}` },
  });
  if (!response.ok) return false;
  saveBlob(filename, await response.blob());
  return true;
}

/** The statement that the materials contain no state secret (where the policy has the article). */
export async function stateSecretStatement(tenantKey: string, applicationId: string) {
  return unwrap(
    await api.POST('/api/v1/tenants/{tenantKey}/applications/{id}/state-secret-statement', {
      params: { path: { tenantKey, id: applicationId } },
      body: { noStateSecrets: true },
    }),
  );
}
