// Lets plain `node` run the TypeScript sources (tests spawn services in their own processes with it):
// `node -r ./infra/swc-register.js path/to/main.ts`. @laurel/* resolve to their src/ like in jest.
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const packages = new Set(['contracts', 'platform', 'testing', 'calendar', 'policy']);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const match = /^@laurel\/([a-z-]+)$/.exec(request);
  if (match && packages.has(match[1])) request = path.join(root, 'packages', match[1], 'src', 'index.ts');
  return resolve.call(this, request, parent, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
