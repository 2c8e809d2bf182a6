// Unit specs of the app's pure helpers, and the browser tests: the real services and the gateway serving this app's build, driven by Debian's Chromium.
module.exports = require('../../infra/jest.base')(__dirname, {
  globalSetup: '<rootDir>/../../packages/testing/src/jest/global-setup.ts',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testTimeout: 90000,
});
