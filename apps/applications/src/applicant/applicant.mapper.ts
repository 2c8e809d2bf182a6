import type { ApplicantView, applicantLegalFormSchema, applicantOrganisationTypeSchema } from '@laurel/contracts';
import type { FieldCipher } from '@laurel/platform';
import type { z } from 'zod';
import type { ApplicantRow } from './applicant.repository';

/** An applicant as answered: ID and phone numbers masked, unless `reveal` (the office reading one applicant). */
export function toApplicantView(row: ApplicantRow, cipher: FieldCipher, reveal = false): ApplicantView {
  return {
    id: row.id,
    kind: row.kind as ApplicantView['kind'],
    name: row.name,
    creditCode: row.creditCode,
    idNumber: row.idNumberCipher ? (reveal ? cipher.decrypt(row.idNumberCipher) : row.idNumberMasked) : null,
    phone: row.phoneCipher ? (reveal ? cipher.decrypt(row.phoneCipher) : row.phoneMasked) : null,
    registeredOn: row.registeredOn,
    divisionCode: row.divisionCode,
    legalForm: row.legalForm as z.infer<typeof applicantLegalFormSchema> | null,
    organisationType: row.organisationType as z.infer<typeof applicantOrganisationTypeSchema> | null,
    industry: row.industry,
    fourNewField: row.fourNewField,
    employer: row.employer,
    yearsInQualityWork: row.yearsInQualityWork,
    accountUserId: row.accountUserId,
    createdAt: row.createdAt.toISOString(),
  };
}
