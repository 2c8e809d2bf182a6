import { z } from 'zod';

/** A jurisdiction's key in a path (`/tenants/{tenantKey}/…`, `/public/{tenantKey}/…`). */
export const tenantKeyParam = z.string().max(40).describe('The jurisdiction’s key, e.g. `ili`');

/** The path of a route under one jurisdiction and nothing else. */
export const tenantPath = z.object({ tenantKey: tenantKeyParam }).strict();
