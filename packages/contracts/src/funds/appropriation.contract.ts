import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { budgetYearSchema, fenSchema, transferIdSchema } from './ledger.contract';

export const appropriationBody = z
  .object({
    transferId: transferIdSchema,
    budgetYear: budgetYearSchema,
    amountFen: fenSchema,
    /** The budget document that grants it (预算批复文件), e.g. `内财预〔2027〕12号`. */
    document: z.string().trim().min(1).max(200),
  })
  .strict();
export type AppropriationBody = z.infer<typeof appropriationBody>;

/** One loading of a budget year's appropriation (预算指标): how much, by which document, who, when. */
export const appropriationSchema = z.object({
  id: z.uuid(),
  budgetYear: budgetYearSchema,
  amountFen: z.int(),
  document: z.string(),
  loadedBy: z.string().nullable(),
  loadedAt: z.string(),
});
export type AppropriationView = z.infer<typeof appropriationSchema>;

/** Finance loads (part of) a budget year's appropriation; a replay with the same transfer id answers the same. */
export const appropriationLoad = defineCommand('funds.appropriation.load', {
  request: appropriationBody,
  response: appropriationSchema,
});

export const appropriationList = defineQuery('funds.appropriation.list', {
  request: z.object({ budgetYear: budgetYearSchema.optional() }).strict(),
  response: z.object({ appropriations: z.array(appropriationSchema) }),
});
