// Shared jest configuration: every package's jest.config.js calls this with its own directory.
// @nestjs 12 ships ESM only, so node_modules/@nestjs (and a few other ESM-only deps) go through @swc/jest.
// Bull Board's Fastify adapter pulls in @fastify/static 10, whose own dependencies are ESM only (Node loads them with
// require(esm); jest does not): the packages on that path are compiled too.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const swcConfig = require('./swc.json');
const boardDeps = ['@bull-board', '@fastify/static', 'content-disposition', 'glob', 'minimatch', 'balanced-match', 'brace-expansion', 'lru-cache', 'path-scurry', '@isaacs', 'valibot'];
const esmOnly = ['@nestjs', '@seriousme', '@nats-io', 'chinese-days', 'file-type', 'uid', 'strtok3', 'token-types', 'peek-readable', ...boardDeps];

module.exports = function jestConfig(dir, overrides = {}) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
    transform: {
      // The same compiler settings as the build (infra/swc.json).
      '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { ...swcConfig, sourceMaps: 'inline', $schema: undefined }],
    },
    transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
    moduleNameMapper: {
      '^@laurel/(contracts|platform|testing|calendar|policy)$': `${root}/packages/$1/src/index.ts`,
    },
    moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
    // Generous: suites start real services in beforeAll, and a busy 2-core machine can take a while to do it.
    testTimeout: 90000,
    maxWorkers: process.env.LAUREL_JEST_WORKERS ?? '50%',
    // A suite that starts Nest apps leaves a few MB behind per file (compiled modules, Prisma engines); across the
    // gateway's 60 files one process reached V8's 4 GB heap limit. With a limit set, jest runs even one worker as a
    // child process (never in band) and replaces it between files once it holds more than this.
    workerIdleMemoryLimit: process.env.LAUREL_JEST_WORKER_MEMORY ?? '1GB',
    ...overrides,
  };
};
