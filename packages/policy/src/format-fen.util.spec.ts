import fc from 'fast-check';
import { formatFen } from './format-fen.util';

describe('formatFen', () => {
  const sut = formatFen;

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [123_456, '1,234.56'],
    [3_000_000, '30,000.00'],
    [100_000_000, '1,000,000.00'],
    [-250, '-2.50'],
  ])('%i fen → %s', (fen, expected) => {
    expect(sut(fen)).toBe(expected);
  });

  it('round-trips every amount without floating point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const text = sut(fen).replaceAll(',', '').replace('.', '');
        expect(BigInt(text)).toBe(BigInt(fen));
      }),
    );
  });

  it('refuses a fraction of a fen', () => {
    expect(() => sut(0.5)).toThrow(RangeError);
  });
});
