import { answerCipher, openAnswer, sealAnswer } from './sealed-answer.util';

describe('sealed answers', () => {
  const key = answerCipher('a-secret-of-at-least-thirty-two-characters');

  it('seals so that the stored form shows nothing, and opens to the same answer', () => {
    const answer = { token: 'tracking-token-abc', receiptNumber: 'YY-1234', nested: [1, { a: null }] };
    const stored = sealAnswer(answer, key);
    expect(JSON.stringify(stored)).not.toMatch(/tracking-token-abc|YY-1234/);
    expect(openAnswer(stored, key)).toEqual(answer);
    expect(openAnswer(sealAnswer(null, key), key)).toBeNull();
  });

  it('returns an answer stored before sealing as it is, and refuses one sealed under another key', () => {
    expect(openAnswer({ id: 'plain' }, key)).toEqual({ id: 'plain' });
    const other = answerCipher('another-secret-of-at-least-thirty-two-chars');
    expect(() => openAnswer(sealAnswer({ a: 1 }, other), key)).toThrow();
  });
});
