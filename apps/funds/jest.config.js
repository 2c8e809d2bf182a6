module.exports = require('../../infra/jest.base')(__dirname, {
  globalSetup: '<rootDir>/../../packages/testing/src/jest/global-setup.ts',
});
