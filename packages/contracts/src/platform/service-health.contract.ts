import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';

export const dependencyStateSchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().nonnegative().optional(),
  error: z.string().optional(),
});

export const serviceHealthSchema = z.object({
  service: z.string(),
  status: z.enum(['up', 'degraded', 'down']),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  dependencies: z.record(z.string(), dependencyStateSchema),
});
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;

/** Every service answers `<service>.health.get` (platform scope). */
export const serviceHealthContract = (service: string) =>
  defineQuery(`${service}.health.get`, {
    scope: 'platform',
    request: z.object({}).strict(),
    response: serviceHealthSchema,
  });
