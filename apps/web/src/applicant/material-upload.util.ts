import { api } from '../api/api-client';
import { type Problem, ProblemError, unwrap } from '../api/problem';
import { sessionStore } from '../api/session-store';
import { currentLanguage } from '../i18n/language';

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

/**
 * Uploads the file itself as the body (the gateway's raw upload: `?title=&filename=&tradeSecret=`), so a large
 * file is not base64 in JSON; the service checks the bytes against the type. A problem names `query.title` etc.,
 * which the form knows as `title`.
 */
export async function uploadMaterial(
  tenantKey: string,
  applicationId: string,
  input: { title: string; tradeSecret: boolean; file: File },
): Promise<unknown> {
  const query = new URLSearchParams({
    title: input.title,
    filename: input.file.name,
    tradeSecret: String(input.tradeSecret),
  });
  const response = await fetch(
    `/api/v1/tenants/${encodeURIComponent(tenantKey)}/applications/${applicationId}/materials?${query}`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await sessionStore.accessToken()}`,
        'content-type': input.file.type || 'application/octet-stream',
        'accept-language': currentLanguage() === 'en' ? 'en' : 'zh-CN',
      },
      body: input.file,
    },
  );
  const answer = (await response.json().catch(() => ({}))) as Problem;
  if (response.ok) return answer;
  const errors = (answer.errors ?? []).map((e) => ({ ...e, field: e.field?.replace(/^(query|header)\./, 'body.') }));
  throw new ProblemError({ ...answer, errors, status: answer.status ?? response.status });
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
