import type { ExpertProfileBody, ExpertView } from '@laurel/contracts';
import { type FieldCipher, maskIdNumber, maskPhone } from '@laurel/platform';
import type { ConflictExpert } from '@laurel/policy';
import type { Prisma } from '../generated/prisma/client';
import type { ExpertRow } from './expert.repository';

/** An expert's JSON columns, typed once. */
export interface ExpertRecord {
  currentEmployer: ExpertView['currentEmployer'];
  pastEmployers: ExpertView['pastEmployers'];
  engagements: ExpertView['engagements'];
  shareholdings: ExpertView['shareholdings'];
  declaredRelations: ExpertView['declaredRelations'];
}

export function toExpertRecord(row: ExpertRow): ExpertRecord {
  return {
    currentEmployer: (row.currentEmployer ?? null) as ExpertRecord['currentEmployer'],
    pastEmployers: row.pastEmployers as ExpertRecord['pastEmployers'],
    engagements: row.engagements as ExpertRecord['engagements'],
    shareholdings: row.shareholdings as ExpertRecord['shareholdings'],
    declaredRelations: row.declaredRelations as ExpertRecord['declaredRelations'],
  };
}

/** The columns a profile writes; phone and ID number sealed. */
export function profileColumns(profile: ExpertProfileBody, cipher: FieldCipher) {
  return {
    name: profile.name,
    email: profile.email ?? null,
    phoneCipher: cipher.encryptOptional(profile.phone ?? null),
    idNumberCipher: cipher.encryptOptional(profile.idNumber ?? null),
    specialities: profile.specialities,
    currentEmployer: (profile.currentEmployer ?? undefined) as Prisma.InputJsonValue | undefined,
    pastEmployers: profile.pastEmployers as Prisma.InputJsonValue,
    engagements: profile.engagements as Prisma.InputJsonValue,
    shareholdings: profile.shareholdings as Prisma.InputJsonValue,
    declaredRelations: profile.declaredRelations as Prisma.InputJsonValue,
  };
}

/** The expert as read: phone and ID number opened only when `unmasked` (the office reading one expert). */
export function toExpertView(row: ExpertRow, cipher: FieldCipher, unmasked = false): ExpertView {
  const phone = cipher.decryptOptional(row.phoneCipher);
  const idNumber = cipher.decryptOptional(row.idNumberCipher);
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    email: row.email,
    phone: phone && !unmasked ? maskPhone(phone) : phone,
    idNumber: idNumber && !unmasked ? maskIdNumber(idNumber) : idNumber,
    specialities: row.specialities,
    ...toExpertRecord(row),
    status: 'active',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What detection reads of the expert. */
export function toConflictExpert(row: ExpertRow): ConflictExpert {
  return { email: row.email, ...toExpertRecord(row) };
}
