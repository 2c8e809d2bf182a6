import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';

const conflictTransition = z.object({
  conflictId: z.uuid(),
  partyKind: z.string(),
  partyId: z.string(),
  /** Set when the party is an expert. */
  expertId: z.uuid().nullable(),
  applicationId: z.uuid(),
  kind: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string().nullable(),
  basis: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type ConflictTransitionPayload = z.infer<typeof conflictTransition>;

export const conflictDetected = defineEvent('reviews.conflict.detected.v1', conflictTransition);
export const conflictDeclared = defineEvent('reviews.conflict.declared.v1', conflictTransition);
export const conflictRecused = defineEvent('reviews.conflict.recused.v1', conflictTransition);
export const conflictDismissed = defineEvent('reviews.conflict.dismissed.v1', conflictTransition);

const expertChange = z.object({ expertId: z.uuid(), userId: z.string(), actor: z.string().nullable(), at: z.string() });
export const expertRegistered = defineEvent('reviews.expert.registered.v1', expertChange);
export const expertProfileChanged = defineEvent('reviews.expert.profile-changed.v1', expertChange);
