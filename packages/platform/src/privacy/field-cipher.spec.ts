import { FieldCipher } from './field-cipher';
import { maskIdNumber, maskPhone } from './masking.util';

describe('FieldCipher', () => {
  const sut = new FieldCipher(Buffer.alloc(32, 1), 'laurel-test-hmac');

  it('seals and opens, never the same twice, and refuses another key or a tampered value', () => {
    const sealed = sut.encrypt('11010519491231002X');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('11010519491231002X');
    expect(sut.encrypt('11010519491231002X')).not.toBe(sealed);
    expect(sut.decrypt(sealed)).toBe('11010519491231002X');
    expect(() => new FieldCipher(Buffer.alloc(32, 2), 'laurel-test-hmac').decrypt(sealed)).toThrow();
    const parts = sealed.split('.');
    expect(() => sut.decrypt([parts[0], parts[1], parts[2], `A${parts[3]?.slice(1)}`].join('.'))).toThrow();
    expect(sut.decryptOptional(sut.encryptOptional(null))).toBeNull();
  });

  it('hashes deterministically per namespace', () => {
    expect(sut.hash('individual', 'x')).toBe(sut.hash('individual', 'x'));
    expect(sut.hash('individual', 'x')).not.toBe(sut.hash('organisation', 'x'));
  });

  it('masks phone and ID numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
