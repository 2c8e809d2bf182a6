import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

export const panelMemberBody = z
  .object({
    expertId: z.uuid(),
    minLoad: z.number().int().min(0).max(10_000).describe('The least applications the expert reviews in the stage'),
    maxLoad: z.number().int().min(1).max(10_000).describe('The most applications the expert reviews in the stage'),
  })
  .strict();

export const panelBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Experts per application (评审组规模), the office's recorded decision. */
    size: z.number().int().min(1).max(50),
    sizeReason: z.string().trim().min(1).max(2000),
    members: z.array(panelMemberBody).min(1).max(5_000),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.members.forEach((member, i) => {
      if (member.minLoad > member.maxLoad) {
        ctx.addIssue({ code: 'custom', path: ['members', i, 'minLoad'], message: 'must not exceed maxLoad' });
      }
      if (seen.has(member.expertId)) {
        ctx.addIssue({ code: 'custom', path: ['members', i, 'expertId'], message: 'is listed twice' });
      }
      seen.add(member.expertId);
    });
  });
export type PanelBody = z.infer<typeof panelBody>;

export const panelSchema = z.object({
  id: z.uuid(),
  stageId: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  sizeReason: z.string(),
  sizeDecidedBy: z.string().nullable(),
  sizeDecidedAt: z.string(),
  members: z.array(
    z.object({
      expertId: z.uuid(),
      expertName: z.string(),
      minLoad: z.number().int(),
      maxLoad: z.number().int(),
      /** Applications currently assigned to the expert in the stage. */
      load: z.number().int(),
    }),
  ),
});
export type PanelView = z.infer<typeof panelSchema>;

/** The office sets a stage's panel: its size (recorded with a reason) and members from the expert pool. */
export const panelPut = defineCommand('reviews.panel.put', {
  request: z.object({ stageId: z.uuid(), panel: panelBody }).strict(),
  response: panelSchema,
});

export const panelGet = defineQuery('reviews.panel.get', {
  request: z.object({ stageId: z.uuid() }).strict(),
  response: panelSchema,
});
