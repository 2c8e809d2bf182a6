import {
  noticeStatusSchema,
  objectionStatusSchema,
  pageQuery,
  receiptNumberSchema,
  reportStatusSchema,
} from '@laurel/contracts';
import { z } from 'zod';
import { tenantKeyParam as tenantKey } from '../http/tenant-path.schema';

export const byIdPath = z.object({ tenantKey, id: z.uuid() }).strict();
export type ByIdPath = z.infer<typeof byIdPath>;

export const byReceiptPath = z.object({ tenantKey, receiptNumber: receiptNumberSchema }).strict();
export type ByReceiptPath = z.infer<typeof byReceiptPath>;

export const noticeListQuery = z.object({ status: noticeStatusSchema.optional(), ...pageQuery }).strict();
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

export const objectionListQuery = z
  .object({
    status: objectionStatusSchema.optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    ...pageQuery,
  })
  .strict();
export type ObjectionListQuery = z.infer<typeof objectionListQuery>;

export const reportListQuery = z.object({ status: reportStatusSchema.optional(), ...pageQuery }).strict();
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportTrackBody = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a report token') }).strict();
