module.exports = require('../../infra/jest.base')(__dirname);
