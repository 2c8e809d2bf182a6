import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

export const recommenderCreateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** A department (行业主管部门, 市场监督管理部门) or an association the office entrusted. */
    kind: z.enum(['department', 'association']),
    /** The users (role `recommender`) who act for it. */
    userIds: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  })
  .strict();

export const recommenderSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['department', 'association']),
  userIds: z.array(z.string()),
  createdAt: z.string(),
});
export type RecommenderView = z.infer<typeof recommenderSchema>;

/** The office keeps the tenant's recommenders (推荐单位). */
export const recommenderCreate = defineCommand('applications.recommender.create', {
  request: recommenderCreateBody,
  response: recommenderSchema,
});

export const recommenderList = defineQuery('applications.recommender.list', {
  request: z.object({}).strict(),
  response: z.object({
    recommenders: z.array(
      recommenderSchema.omit({ userIds: true }).extend({ userIds: z.array(z.string()).optional() }),
    ),
  }),
});

/**
 * The users who act for a recommender (its `userIds`), for services that show a recommender what concerns it (the
 * objections service: the result of an objection against an entry it recommended, ili 第二十一条). Not routed by the
 * gateway. An unknown recommender is `not_found`.
 */
export const recommenderMembers = defineQuery('applications.recommender.members', {
  request: z.object({ recommenderId: z.uuid() }).strict(),
  response: z.object({ recommenderId: z.uuid(), userIds: z.array(z.string()) }),
});
