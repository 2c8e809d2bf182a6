import { z } from 'zod';
import { localisedTextSchema } from '../awards/awards-common.schema';
import { defineCommand, defineQuery } from '../messaging/message-contract';

export const assignmentSchema = z.object({
  id: z.uuid(),
  stageId: z.uuid(),
  applicationId: z.uuid(),
  applicantName: z.string(),
  expertId: z.uuid(),
  expertName: z.string(),
  /** `assigned`, or `removed` (re-solved away, changed, or withdrawn because of a conflict: see its history). */
  status: z.enum(['assigned', 'removed']),
  locked: z.boolean(),
  /** `solver` (the min-cost-flow assignment) or `office` (a recorded change). */
  source: z.enum(['solver', 'office']),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
  history: z.array(
    z.object({ action: z.string(), reason: z.string().nullable(), actor: z.string().nullable(), at: z.string() }),
  ),
});
export type AssignmentView = z.infer<typeof assignmentSchema>;

export const assignmentListSchema = z.object({ assignments: z.array(assignmentSchema) });

/** The stage's assignments, current and removed (each with its history). */
export const assignmentList = defineQuery('reviews.assignment.list', {
  request: z.object({ stageId: z.uuid() }).strict(),
  response: assignmentListSchema,
});

/**
 * Runs the solver for the stage: every entrant gets `panel.size` experts of the panel without a recused or undecided
 * conflict, each expert between its least and most load, loads as even as they can be; locked pairs stay. 422 with
 * the binding constraint when no assignment exists.
 */
export const assignmentSolve = defineCommand('reviews.assignment.solve', {
  request: z.object({ stageId: z.uuid() }).strict(),
  response: assignmentListSchema,
});

const reason = z.string().trim().min(1).max(2000);

export const assignmentLockBody = z.object({ locked: z.boolean(), reason }).strict();
export type AssignmentLockBody = z.infer<typeof assignmentLockBody>;

/** The office locks (a re-solve keeps it) or unlocks an assignment, with a reason. */
export const assignmentLock = defineCommand('reviews.assignment.lock', {
  request: assignmentLockBody.extend({ id: z.uuid() }).strict(),
  response: assignmentSchema,
});

export const assignmentChangeBody = z.object({ expertId: z.uuid(), reason }).strict();
export type AssignmentChangeBody = z.infer<typeof assignmentChangeBody>;

/** The office gives an assignment to another expert of the panel, with a reason: the new pair is locked. */
export const assignmentChange = defineCommand('reviews.assignment.change', {
  request: assignmentChangeBody.extend({ id: z.uuid() }).strict(),
  response: assignmentSchema,
});

export const myAssignmentSchema = z.object({
  id: z.uuid(),
  stage: z.object({
    id: z.uuid(),
    cycleNumber: z.number().int(),
    stageKey: z.string(),
    kind: z.string(),
    name: localisedTextSchema,
    status: z.string(),
  }),
  application: z.object({
    id: z.uuid(),
    cycleNumber: z.number().int(),
    applicantName: z.string(),
    applicantKind: z.enum(['organisation', 'individual']),
  }),
  assignedAt: z.string(),
});
export type MyAssignmentView = z.infer<typeof myAssignmentSchema>;

/** The signed-in expert's assignments; never one on an application it has a recused or undecided conflict with. */
export const myAssignments = defineQuery('reviews.assignment.mine', {
  request: z.object({}).strict(),
  response: z.object({ assignments: z.array(myAssignmentSchema) }),
});

/**
 * Whether the signed-in expert reviews the application (in any open or closed stage): its stages, or 404 as for an
 * application that does not exist. Asked before any material is shown to an expert.
 */
export const assignmentCheck = defineQuery('reviews.assignment.check', {
  request: z.object({ applicationId: z.uuid() }).strict(),
  response: z.object({ applicationId: z.uuid(), expertId: z.uuid(), stageIds: z.array(z.uuid()).min(1) }),
});

/**
 * The same check, recording the view in the audit trail (who, which application, which material): the gateway asks it
 * before it shows an expert any material.
 */
export const assignmentMaterialView = defineCommand('reviews.assignment.material-view', {
  request: z.object({ applicationId: z.uuid(), materialId: z.uuid().nullable() }).strict(),
  response: z.object({ applicationId: z.uuid(), expertId: z.uuid(), stageIds: z.array(z.uuid()).min(1) }),
});
