import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/schema';
import { currentLanguage } from '../i18n/language';
import { sessionStore } from './session-store';

/**
 * The typed API client: every path, parameter, body and answer comes from the gateway's OpenAPI document
 * (src/generated, written by `npm run generate`), so a page that disagrees with the API does not compile.
 */
export const api = createClient<paths>({ baseUrl: '' });

/** Errors in the page's language; the office's access token, refreshed once when it has expired. */
const middleware: Middleware = {
  async onRequest({ request }) {
    request.headers.set('accept-language', currentLanguage() === 'en' ? 'en' : 'zh-CN');
    const session = sessionStore.get();
    if (session && !request.url.includes('/api/v1/public/') && !request.url.includes('/api/v1/auth/')) {
      request.headers.set('authorization', `Bearer ${await sessionStore.accessToken()}`);
    }
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || !sessionStore.get() || request.url.includes('/api/v1/auth/')) return response;
    // The access token was refused (expired early, or signed with a rotated secret): refresh once and retry.
    const token = await sessionStore.refresh();
    if (!token) return response;
    const retry = new Request(request.url, { method: request.method, headers: request.headers, body: null });
    retry.headers.set('authorization', `Bearer ${token}`);
    return request.method === 'GET' ? fetch(retry) : response;
  },
};
api.use(middleware);
