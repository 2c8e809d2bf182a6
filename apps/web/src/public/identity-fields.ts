import type { Bilingual } from '../i18n/language';

/** The identity fields a regulation asks of an objector (policy `objections.identity`), by their names in the form. */
export const IDENTITY_FIELDS: Record<string, Bilingual> = {
  name: { zh: '姓名', en: 'name' },
  signature: { zh: '本人签名', en: 'signature' },
  phone: { zh: '联系电话', en: 'phone' },
  address: { zh: '联系地址', en: 'address' },
  identity_proof: { zh: '身份证明', en: 'proof of identity' },
  official_seal: { zh: '单位公章', en: 'official seal' },
  id_number: { zh: '公民身份号码', en: 'ID number' },
  credit_code: { zh: '统一社会信用代码', en: 'credit code' },
};

/** The form's field for each policy field (the API's `objector` names). */
export const FORM_FIELD: Record<string, string> = {
  name: 'name',
  signature: 'signature',
  phone: 'phone',
  address: 'address',
  identity_proof: 'identityProof',
  official_seal: 'officialSeal',
  id_number: 'idNumber',
  credit_code: 'creditCode',
};
