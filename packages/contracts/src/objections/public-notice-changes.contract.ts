/**
 * A plain NATS message (not an event: nobody must act on it durably) the objections service publishes after every
 * change a public notice read would show — opened, withdrawn, closed, its deadline moved — so that the gateway drops
 * the public notice answers it caches (ADR 0020). Subject under the platform's namespace (`wire()`); payload `{ tenantId }`.
 */
export const PUBLIC_NOTICES_CHANGED = 'objections.public-notices.changed';
