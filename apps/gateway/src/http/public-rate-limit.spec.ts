import { InMemoryRateCounter, rateLimited } from './public-rate-limit';

describe('InMemoryRateCounter', () => {
  afterEach(() => jest.restoreAllMocks());

  /** `performance.now()` under the test's control. */
  const at = (ms: number) => jest.spyOn(performance, 'now').mockReturnValue(ms);

  it('counts each address in a fixed window from its first request, then starts again', () => {
    const counter = new InMemoryRateCounter(60_000);
    at(1_000);
    expect(counter.increment('public:1.2.3.4')).toEqual({ current: 1, ttl: 60_000 });
    at(31_000);
    expect(counter.increment('public:1.2.3.4')).toEqual({ current: 2, ttl: 30_000 });
    expect(counter.increment('public:5.6.7.8')).toEqual({ current: 1, ttl: 60_000 });
    at(61_000);
    expect(counter.increment('public:1.2.3.4')).toEqual({ current: 1, ttl: 60_000 });
  });

  it('holds a bounded number of addresses: ended windows are swept first, then the oldest address goes', () => {
    const counter = new InMemoryRateCounter(1_000, 2);
    at(0);
    counter.increment('a');
    counter.increment('a');
    at(500);
    counter.increment('b');
    at(1_200); // a's window ended, b's not: a is swept to make room for c
    counter.increment('c');
    at(1_300);
    expect(counter.increment('b').current).toBe(2);
    counter.increment('d'); // none ended: the oldest (b) goes
    expect(counter.increment('c').current).toBe(2);
    expect(counter.increment('b').current).toBe(1);
  });
});

describe('rateLimited', () => {
  it('is the 429 problem with whole seconds to wait, at least one, in both languages', () => {
    const error = rateLimited(1_200);
    expect(error.statusCode).toBe(429);
    expect(error.code).toBe('rate_limited');
    expect(error.detail).toEqual({ zh: '请求过于频繁，请 2 秒后再试', en: 'Too many requests; retry after 2 seconds' });
    expect(error.extensions).toEqual({ retryAfterSeconds: 2 });
    expect(rateLimited(0).extensions).toEqual({ retryAfterSeconds: 1 });
  });
});
