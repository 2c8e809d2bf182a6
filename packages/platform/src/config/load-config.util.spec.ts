import { ConfigError, loadConfig } from './load-config.util';
import { platformConfigSchema, platformRuntimeConfigSchema } from './platform-config.schema';

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

  it('reads the rehearsal clock: real by default, virtual with a start', () => {
    expect(loadConfig(platformRuntimeConfigSchema, {}).LAUREL_CLOCK).toBe('real');
    const sut = loadConfig(platformRuntimeConfigSchema, {
      LAUREL_CLOCK: 'virtual',
      LAUREL_CLOCK_START: '2026-09-28T10:00:00+08:00',
    });
    expect(sut.LAUREL_CLOCK).toBe('virtual');
    expect(sut.LAUREL_CLOCK_START?.toISOString()).toBe('2026-09-28T02:00:00.000Z');
    expect(() => loadConfig(platformRuntimeConfigSchema, { LAUREL_CLOCK: 'fake' })).toThrow(/LAUREL_CLOCK/);
    expect(() => loadConfig(platformRuntimeConfigSchema, { LAUREL_CLOCK_START: '2026-09-28' })).toThrow(
      /LAUREL_CLOCK_START: must be an ISO date-time with an offset/,
    );
  });

  it('refuses a virtual clock in production, and says why', () => {
    let error: unknown;
    try {
      loadConfig(platformRuntimeConfigSchema, { NODE_ENV: 'production', LAUREL_CLOCK: 'virtual' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      { variable: 'LAUREL_CLOCK', reason: expect.stringMatching(/refused with NODE_ENV=production.*rehearsal/) },
    ]);
    expect(loadConfig(platformRuntimeConfigSchema, { NODE_ENV: 'production' }).LAUREL_CLOCK).toBe('real');
  });
});
