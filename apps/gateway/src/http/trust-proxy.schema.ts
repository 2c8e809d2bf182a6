import { isIP } from 'node:net';
import { z } from 'zod';

/** Fastify's `trustProxy` as this gateway allows it: nobody, or the proxies' addresses. */
export type TrustProxy = false | string[];

const isAddressOrRange = (entry: string): boolean => {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
};

/**
 * `LAUREL_TRUST_PROXY`: which reverse proxies' `X-Forwarded-For` to believe for the client's address (rate limits,
 * anonymous idempotency scopes, logs). `false` (default: nobody, the socket's address), or the proxies' addresses
 * and CIDR ranges, comma-separated. `true` is refused: it would believe whatever address a client writes into the
 * header. (A hop count is refused too: this Fastify trusts nothing for one, as it cannot check the peer.)
 */
export const trustProxySchema = z
  .string()
  .default('false')
  .transform((value, context): TrustProxy => {
    const given = value.trim();
    if (given === 'false' || given === '') return false;
    const entries = given
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    if (given !== 'true' && entries.length > 0 && entries.every(isAddressOrRange)) return entries;
    context.addIssue({
      code: 'custom',
      message:
        "must be false or the reverse proxies' addresses or CIDR ranges separated by commas " +
        "('true' would believe any X-Forwarded-For a client sends)",
    });
    return z.NEVER;
  });
