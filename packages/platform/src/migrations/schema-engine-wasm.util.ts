import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/** The `wasm-bindgen --target bundler` glue of `@prisma/schema-engine-wasm` (its `schema_engine_bg.js`). */
interface SchemaEngineBindings {
  SchemaEngine: typeof SchemaEngine;
  __wbg_set_wasm(exports: Record<string, unknown>): void;
}

/** The part of the WebAssembly JS API used here (the `WebAssembly` global is typed by lib.dom only). */
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, object>): Promise<{ exports: Record<string, unknown> }>;
}

const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

const BINDINGS = '@prisma/schema-engine-wasm/schema_engine_bg';

let loaded: Promise<typeof SchemaEngine> | undefined;

/**
 * The wasm schema engine's class, instantiated once per module registry. The package's own entry point
 * (`schema_engine.js`) imports the `.wasm` file as an ES module, which Node 20 cannot do; like Prisma's
 * migrate package, we load the JS glue, instantiate the `.wasm` ourselves and hand its exports to the glue.
 */
export function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  loaded ??= instantiate().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function instantiate(): Promise<typeof SchemaEngine> {
  const gluePath = require.resolve(BINDINGS);
  const bindings = await requireBindings(gluePath);
  const module = await wasm.compile(await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm')));
  const instance = await wasm.instantiate(module, { './schema_engine_bg.js': withUnrefTimers(bindings) });
  bindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === 'function') start();
  return bindings.SchemaEngine;
}

/**
 * The engine arms timeouts (e.g. 10 s on its advisory lock) and never clears them (the glue imports no
 * clearTimeout), which would keep Node alive for seconds after the work is done. Its timers are unref'd here;
 * `openSchemaEngine` keeps the process alive while a command runs.
 */
function withUnrefTimers(bindings: SchemaEngineBindings): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...bindings };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith('__wbg_setTimeout_')) continue;
    imports[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(callback, ms >>> 0);
      timer.unref();
      return timer;
    };
  }
  return imports;
}

/**
 * The glue is an ES module. Node >= 20.19 `require`s it natively. Jest's CommonJS runtime cannot (unless its
 * transform is allowed to compile `@prisma/schema-engine-wasm`); then we evaluate the glue ourselves: it is
 * generated code with no imports whose only ESM syntax is `export function` / `export class` declarations.
 */
async function requireBindings(gluePath: string): Promise<SchemaEngineBindings> {
  try {
    return require(BINDINGS) as SchemaEngineBindings;
  } catch (error) {
    if (!isEsmRequireError(error)) throw error;
    return evaluateGlue(await readFile(gluePath, 'utf8'), gluePath);
  }
}

function isEsmRequireError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === 'ERR_REQUIRE_ESM' ||
    (typeof message === 'string' && /ES Module|ESM syntax|Unexpected token 'export'/.test(message))
  );
}

function evaluateGlue(source: string, gluePath: string): SchemaEngineBindings {
  const names: string[] = [];
  const body = source.replace(/^export (function|class) ([A-Za-z_$][\w$]*)/gm, (_match, kind: string, name: string) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*(?:export|import)\b/m.test(body) || !names.includes('SchemaEngine') || !names.includes('__wbg_set_wasm')) {
    throw new Error(`Unexpected shape of ${gluePath}: cannot load the wasm schema engine under this module loader`);
  }
  const factory = new Function(`'use strict';\n${body}\nreturn { ${names.join(', ')} };\n//# sourceURL=${gluePath}`);
  return factory() as SchemaEngineBindings;
}
