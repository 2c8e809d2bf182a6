import { boardPassOf, issueBoardPass, verifyBoardPass } from './board-pass.util';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('the queue board pass', () => {
  const sut = issueBoardPass(SECRET, 'user-1', 2_000);

  it('is accepted until it expires', () => {
    expect(verifyBoardPass(SECRET, sut, 1_999)).toBe(true);
    expect(verifyBoardPass(SECRET, sut, 2_000)).toBe(false);
  });

  it('is refused when signed with another secret, altered or missing', () => {
    expect(verifyBoardPass(`${SECRET}x`, sut, 1_000)).toBe(false);
    expect(verifyBoardPass(SECRET, sut.replace('.2000.', '.9999999.'), 1_000)).toBe(false);
    expect(verifyBoardPass(SECRET, undefined, 1_000)).toBe(false);
    expect(verifyBoardPass(SECRET, 'a.b', 1_000)).toBe(false);
  });

  it('is read from the Cookie header among others', () => {
    expect(boardPassOf(`a=1; laurel_queue_board=${sut}; b=2`)).toBe(sut);
    expect(boardPassOf('a=1')).toBeUndefined();
  });
});
