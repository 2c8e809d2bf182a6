import { trustProxySchema } from './trust-proxy.schema';

describe('trustProxySchema', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('reads %p as %p', (given, expected) => {
    expect(trustProxySchema.parse(given)).toEqual(expected);
  });

  it.each(['true', '1', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/1'])('refuses %p, saying why', (given) => {
    const result = trustProxySchema.safeParse(given);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/reverse proxies' addresses/);
  });
});
