import { decidedYuanToFen, formatYuan, yuanToFen } from './yuan.util';

describe('yuan', () => {
  it.each([
    ['1,000,000', 100_000_000],
    ['600000.5', 60_000_050],
    ['0.01', 1],
    [' 12.30 ', 1_230],
  ])('reads %j as %i fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each(['', '0', '0.00', '-1', '1.001', '1e6', 'abc', '1.2.3'])('refuses %j', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });

  it('prints fen as yuan with two decimals', () => {
    expect(formatYuan(100_000_050)).toBe('1,000,000.50');
  });

  it.each([
    ['60,000', 6_000_000],
    ['0', 0],
    ['-5', -500],
    ['80000.01', 8_000_001],
    ['1 000 000', 100_000_000],
  ])('reads the decided amount %j as %i fen, sign kept for the API to judge', (text, fen) => {
    expect(decidedYuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '六万', '1e6', '1.001', '12345678901234', '--5'])('refuses the decided amount %j', (text) => {
    expect(decidedYuanToFen(text)).toBeNull();
  });
});
