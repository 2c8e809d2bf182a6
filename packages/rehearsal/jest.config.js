module.exports = require('../../infra/jest.base')(__dirname, {
  globalSetup: '<rootDir>/../../packages/testing/src/jest/global-setup.ts',
  // Each spec starts a whole rehearsal platform (six processes): one at a time on a shared machine.
  maxWorkers: 1,
});
