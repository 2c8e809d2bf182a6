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
    const [version, iv, tag, body = ''] = sealed.split('.');
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => sut.decrypt([version, iv, tag, flipped].join('.'))).toThrow();
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
