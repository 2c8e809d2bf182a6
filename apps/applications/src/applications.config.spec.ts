import { ConfigError, loadConfig } from '@laurel/platform';
import { applicationsConfigSchema } from './applications.config';

describe('applications configuration', () => {
  it('runs in development without a data key', () => {
    expect(loadConfig(applicationsConfigSchema, {}).LAUREL_APPLICATIONS_DATA_KEY).toHaveLength(44);
  });

  it('refuses to start in production without its own data key, naming the variable', () => {
    expect(() => loadConfig(applicationsConfigSchema, { NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig(applicationsConfigSchema, { NODE_ENV: 'production' })).toThrow(
      /LAUREL_APPLICATIONS_DATA_KEY: is required in production/,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      loadConfig(applicationsConfigSchema, { NODE_ENV: 'production', LAUREL_APPLICATIONS_DATA_KEY: key })
        .LAUREL_APPLICATIONS_DATA_KEY,
    ).toBe(key);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => loadConfig(applicationsConfigSchema, { LAUREL_APPLICATIONS_DATA_KEY: 'c2hvcnQ=' })).toThrow(
      /32 bytes/,
    );
  });
});
