import { maskIdNumber, maskPhone } from '@laurel/platform';
import { toStoredFileView } from '../files/stored-file.mapper';
import type { ReportWithFiles } from './report.repository';

export type ReportStatus = 'received' | 'handling' | 'closed';
export type ReportReply = { message: string; status: ReportStatus; at: string };

/** What a reporter gave (sealed at rest). */
export interface ReporterIdentity {
  name: string;
  phone?: string;
  idNumber?: string;
  address?: string;
  organisation?: string;
}

/** `举报人甲` → `举***`: enough to tell two reporters apart, not to name one. */
const maskName = (name: string): string => `${[...name][0] ?? ''}${'*'.repeat(Math.max(1, [...name].length - 1))}`;

/** The receiving body's single read: the surname, phone and ID number masked, no address. */
export const maskedReporter = (identity: ReporterIdentity) => ({
  name: maskName(identity.name),
  phone: identity.phone ? maskPhone(identity.phone) : null,
  idNumber: identity.idNumber ? maskIdNumber(identity.idNumber) : null,
  organisation: identity.organisation ?? null,
});

/** The full identity, for an audited reveal only. */
export const fullReporter = (identity: ReporterIdentity) => ({
  name: identity.name,
  phone: identity.phone ?? null,
  idNumber: identity.idNumber ?? null,
  address: identity.address ?? null,
  organisation: identity.organisation ?? null,
});

/**
 * A report for staff. `masked`: the single read by the body that receives reports shows the reporter masked; lists
 * and every other reader get no identity at all.
 */
export function toReportView(row: ReportWithFiles, masked: boolean) {
  const identity = row.reporterIdentity as ReporterIdentity | null;
  return {
    id: row.id,
    reportNumber: row.reportNumber,
    anonymous: row.anonymous,
    reporter: masked && identity ? maskedReporter(identity) : null,
    reporterHidden: !row.anonymous && !masked,
    concerning: row.concerning,
    details: row.details,
    files: row.files.map(toStoredFileView),
    status: row.status as ReportStatus,
    receivedAt: row.receivedAt.toISOString(),
    replies: row.replies as unknown as ReportReply[],
  };
}
