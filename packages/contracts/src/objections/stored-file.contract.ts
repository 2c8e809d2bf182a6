import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';

export const storedFileContentSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  contentBase64: z.string(),
});

/**
 * The bytes of an objection's or a report's file for staff: objection files for the office and the supervision
 * group, report files for the supervision group only (they may reveal the reporter). Every read is audited.
 */
export const storedFileGet = defineQuery('objections.file.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: storedFileContentSchema,
});
