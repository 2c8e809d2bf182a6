import { ConfigError, loadConfig } from './load-config.util';
import { platformConfigSchema } from './platform-config.schema';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const sut = loadConfig(platformConfigSchema, {});
    expect(sut.LAUREL_NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(sut.LAUREL_RELAY_ENABLED).toBe(true);
  });

  it('stops with a message naming every wrong variable', () => {
    let error: unknown;
    try {
      loadConfig(platformConfigSchema, {
        LAUREL_REDIS_URL: 'http://x',
        LAUREL_HEALTH_PORT: '99999',
        LAUREL_REDIS_PREFIX: 'a b',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['LAUREL_HEALTH_PORT', 'LAUREL_REDIS_PREFIX', 'LAUREL_REDIS_URL']);
    expect((error as ConfigError).message).toMatch(/LAUREL_REDIS_URL: must be a redis:\/\/ URL/);
  });
});
