import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('are the headers helmet sets, computed once: our content security policy and helmet’s defaults', async () => {
    const headers = await securityHeaders();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'referrer-policy': 'no-referrer',
    });
    expect(headers['content-type']).toBeUndefined();
  });
});
