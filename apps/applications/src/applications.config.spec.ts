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

describe('materials configuration', () => {
  it('keeps materials in a local directory under .laurel by default, 10 MiB per file', () => {
    const config = loadConfig(applicationsConfigSchema, {});
    expect(config.LAUREL_APPLICATIONS_FILE_STORE).toBe('local');
    expect(config.LAUREL_APPLICATIONS_FILES_DIR).toMatch(/^\.laurel[/\\]applications-files$/);
    expect(config.LAUREL_APPLICATIONS_MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('refuses the S3 store without its bucket, naming the variable (more in test/s3-file-store.int-spec.ts)', () => {
    expect(() => loadConfig(applicationsConfigSchema, { LAUREL_APPLICATIONS_FILE_STORE: 's3' })).toThrow(
      /LAUREL_APPLICATIONS_S3_BUCKET: is required with LAUREL_APPLICATIONS_FILE_STORE=s3/,
    );
  });
});
