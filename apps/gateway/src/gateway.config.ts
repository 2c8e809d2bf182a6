import { platformConfigSchema, refuseVirtualClockInProduction } from '@laurel/platform';
import { z } from 'zod';
import { trustProxySchema } from './http/trust-proxy.schema';

/** The gateway's environment: the platform's plus the HTTP edge's own. */
export const gatewayConfigSchema = platformConfigSchema
  .extend({
    LAUREL_HTTP_HOST: z.string().default('127.0.0.1'),
    LAUREL_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** HMAC key of access tokens: at least 32 characters; `npm start` generates one into .laurel/. */
    LAUREL_JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    LAUREL_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
    LAUREL_REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    LAUREL_HTTP_BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(1024 * 1024),
    /** Body limit of the raw binary material uploads (the JSON limit above applies everywhere else). */
    LAUREL_UPLOAD_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    LAUREL_PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** The operator account seeded at start when it does not exist (npm start sets both). */
    LAUREL_OPERATOR_USERNAME: z.string().min(3).max(64).optional(),
    LAUREL_OPERATOR_PASSWORD: z.string().min(10, 'at least 10 characters').max(256).optional(),
    /** Create the five launch jurisdictions (and their office users) that do not exist yet; `npm start` sets it. */
    LAUREL_SEED_LAUNCH_JURISDICTIONS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    LAUREL_TRUST_PROXY: trustProxySchema,
    /** The status file of `npm start`'s supervisor (restarts, crash loops), shown on the health page; `npm start` sets it. */
    LAUREL_SUPERVISOR_STATUS_FILE: z.string().min(1).optional(),
    /** The built web app served at `/` (default: `apps/web/dist`); without a build there, the API alone. */
    LAUREL_WEB_DIR: z.string().min(1).optional(),
  })
  .superRefine(refuseVirtualClockInProduction);
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
