import { certificateNumberSchema } from '@laurel/contracts';
import {
  CHECK_CODE_ALPHABET,
  certificateVerifyPath,
  formatCertificateNumber,
  newCheckCode,
} from './certificate-number.util';

describe('certificate numbers', () => {
  it('formats year, padded sequence and check code, which the contract accepts', () => {
    const number = formatCertificateNumber(2026, 7, 'K7Q2M9');
    expect(number).toBe('2026-0007-K7Q2M9');
    expect(certificateNumberSchema.safeParse(number).success).toBe(true);
    expect(formatCertificateNumber(2026, 12345, 'ABCDEF')).toBe('2026-12345-ABCDEF');
  });

  it('draws check codes from the unambiguous alphabet only', () => {
    const codes = Array.from({ length: 200 }, () => newCheckCode());
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      expect(certificateNumberSchema.safeParse(`2026-0001-${code}`).success).toBe(true);
    }
    expect(new Set(codes).size).toBeGreaterThan(195);
    expect(CHECK_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('refuses misread characters and malformed numbers', () => {
    for (const bad of ['2026-0007-K7Q2M0', '2026-7-K7Q2M9', '2026-0007-k7q2m9', '2026-0007-K7Q2M', 'x']) {
      expect(certificateNumberSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('builds the public page path', () => {
    expect(certificateVerifyPath('linxia', '2026-0007-K7Q2M9')).toBe('/p/linxia/certificates/2026-0007-K7Q2M9');
  });
});
