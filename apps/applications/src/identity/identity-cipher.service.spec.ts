import { IdentityCipher, maskIdNumber, maskPhone } from './identity-cipher.service';

describe('IdentityCipher', () => {
  const sut = new IdentityCipher(Buffer.alloc(32, 1));

  it('seals with AES-256-GCM (a fresh IV each time) and opens again', () => {
    const a = sut.encrypt('11010519491231002X');
    const b = sut.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(sut.decrypt(a)).toBe('11010519491231002X');
  });

  it('refuses a tampered value and another key', () => {
    const sealed = sut.encrypt('13812345678');
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => sut.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => new IdentityCipher(Buffer.alloc(32, 2)).decrypt(sealed)).toThrow();
  });

  it('hashes identities deterministically per key, by kind', () => {
    expect(sut.hash('individual', '11010519491231002X')).toBe(sut.hash('individual', '11010519491231002X'));
    expect(sut.hash('organisation', 'X')).not.toBe(sut.hash('individual', 'X'));
    expect(new IdentityCipher(Buffer.alloc(32, 2)).hash('individual', 'X')).not.toBe(sut.hash('individual', 'X'));
  });

  it('masks ID and phone numbers', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
