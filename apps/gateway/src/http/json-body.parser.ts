import { DomainError, type FieldError } from '@laurel/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** No body the API takes nests anywhere near this deep; a deeper one is refused before anything recurses over it. */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests objects and arrays deeper than `limit`, read in one pass over its characters (no
 * recursion, no parse): brackets inside strings do not count. Malformed text is left to the parser.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return false;
}

const NUL = '\u0000';
/** Text PostgreSQL can store: no NUL, and well-formed UTF-16 (a lone surrogate is no character; jsonb refuses it). */
const LONE_SURROGATE = /\p{Surrogate}/u;
const textOk = (text: string) => !text.includes(NUL) && !LONE_SURROGATE.test(text);
const pathOf = (parent: string, key: string | number) =>
  typeof key === 'number'
    ? `${parent}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${parent}.${key}`
      : `${parent}[${JSON.stringify(key)}]`;

/**
 * The paths of every string (value or key) holding a NUL character or a lone surrogate, found iteratively
 * (PostgreSQL refuses both in text and jsonb, so such a value must be a 400 here and never reach a service). At most
 * `max` paths are named.
 */
export function nulFields(value: unknown, root: string, max = 20): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && found.length < max) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (!textOk(current)) found.push(path);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push([current[i], pathOf(path, i)]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (!textOk(key)) found.push(pathOf(path, key.replaceAll(NUL, '\\u0000').replace(/\p{Surrogate}/gu, '\uFFFD')));
        else stack.push([child, pathOf(path, key)]);
      }
    }
  }
  return found;
}

const tooDeep = () =>
  new DomainError({
    code: 'malformed_request',
    detail: {
      zh: `请求体嵌套过深（上限 ${MAX_JSON_DEPTH} 层）`,
      en: `The body nests too deeply (at most ${MAX_JSON_DEPTH} levels)`,
    },
    fields: [
      { field: 'body', reason: { zh: `嵌套超过 ${MAX_JSON_DEPTH} 层`, en: `nests deeper than ${MAX_JSON_DEPTH}` } },
    ],
  });

const emptyBody = () =>
  new DomainError({
    code: 'malformed_request',
    detail: { zh: '声明为 JSON 的请求体为空', en: 'The body is declared as JSON but is empty' },
    fields: [{ field: 'body', reason: { zh: '为空', en: 'is empty' } }],
  });

const invalidJson = () =>
  new DomainError({
    code: 'malformed_request',
    detail: { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' },
    fields: [
      {
        field: 'body',
        reason: {
          zh: '不是有效的 JSON（或含有 __proto__、constructor 等不允许的键）',
          en: 'is not valid JSON (or has a forbidden key such as __proto__ or constructor)',
        },
      },
    ],
  });

/** A 400 naming every field that holds a NUL character. */
export function nulError(paths: readonly string[]): DomainError {
  const fields: FieldError[] = paths.map((field) => ({
    field,
    reason: {
      zh: '不得含有 NUL（\\u0000）字符或不成对的代理项（无效的 Unicode）',
      en: 'must not contain the NUL (\\u0000) character or a lone surrogate (invalid Unicode)',
    },
  }));
  return DomainError.validation(fields, {
    zh: '请求中有字段含有 NUL（\\u0000）字符或无效的 Unicode 字符',
    en: 'A field of the request contains the NUL (\\u0000) character or invalid Unicode',
  });
}

/**
 * The gateway's one JSON body parser, for every route: an empty body, text nested deeper than `MAX_JSON_DEPTH`, invalid
 * JSON, prototype keys (`__proto__`, `constructor.prototype`) and NUL characters in any string or key are 400
 * problem+json naming the field, before any pipe, hash or service sees the body. Query strings and path parameters
 * are checked for NUL as well. Other body types than JSON (and the material types that routes take raw) are 415.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    const body = String(text);
    if (body.trim().length === 0) return done(emptyBody(), undefined);
    if (jsonDepthExceeds(body)) return done(tooDeep(), undefined);
    parse(request, body, (error: Error | null, value?: unknown) => {
      if (error) return done(invalidJson(), undefined);
      const nul = nulFields(value, 'body');
      if (nul.length > 0) return done(nulError(nul), undefined);
      done(null, value);
    });
  });
  fastify.addHook('preValidation', (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    const nul = [...nulFields(request.query, 'query'), ...nulFields(request.params, 'path')];
    done(nul.length > 0 ? nulError(nul) : undefined);
  });
}
