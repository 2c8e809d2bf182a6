import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { defineCommand } from '../messaging/message-contract';
import { localisedTextSchema, policyDocumentSchema, tenantKeySchema } from './awards-common.schema';

/** A tenant's award programme (质量奖): one per tenant for now. */
export const programmeSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: localisedTextSchema,
  /** The latest policy version (the one the next cycle opens with). */
  policyVersion: z.number().int().positive(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ProgrammeView = z.infer<typeof programmeSchema>;

/**
 * Creates the tenant's programme with its policy document (version 1). The document's `key` must be the
 * tenant key and its `version` 1; every problem of the document is listed as `policy.<path>`.
 */
export const createProgramme = defineCommand('awards.programme.create', {
  request: z.object({ tenantKey: tenantKeySchema, policy: policyDocumentSchema }).strict(),
  response: programmeSchema,
});

export const programmeCreated = defineEvent(
  'awards.programme.created.v1',
  z.object({
    programmeId: z.uuid(),
    key: z.string(),
    name: localisedTextSchema,
    policyVersion: z.number().int().positive(),
  }),
);
