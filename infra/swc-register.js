// Lets plain `node` run the TypeScript sources (tests spawn services in their own processes with it):
// `node -r ./infra/swc-register.js path/to/main.ts`. @laurel/* resolve to their src/ like in jest.
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const swcConfig = require('./swc.json');
const packages = new Set(['contracts', 'platform', 'testing', 'calendar', 'policy']);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const match = /^@laurel\/([a-z-]+)$/.exec(request);
  if (match && packages.has(match[1])) request = path.join(root, 'packages', match[1], 'src', 'index.ts');
  return resolve.call(this, request, parent, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  // The same compiler settings as the build (infra/swc.json).
  const { code } = transformSync(source, { ...swcConfig, $schema: undefined, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
