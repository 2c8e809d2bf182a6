import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { ApiTag } from './api-tags';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) of what a caller sends; the document names the dialect once. */
export const schemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return json;
};

const problem: JsonSchema = {
  type: 'object',
  description: 'application/problem+json (RFC 9457)',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
};

/** Where the rule a route applies is kept until the document is finished (`openapi-document.ts`). */
export const RULE_EXTENSION = 'x-laurel-rule';

/** One parameter per key of an object schema (path or query), from the same zod schema that checks it. */
function parametersOf(where: 'path' | 'query', shape: z.ZodObject | undefined) {
  return Object.entries(shape?.shape ?? {}).map(([name, field]) => {
    const schema = schemaOf(field as z.ZodType);
    const description = typeof schema.description === 'string' ? schema.description : undefined;
    if (where === 'path') return ApiParam({ name, required: true, schema, description });
    return ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema, description });
  });
}

/**
 * Documents a route in OpenAPI from the same zod schemas that check it. Who may call it comes from `@Access`/`@Public`
 * and is added to the summary when the document is finished, with the rule (`rule`) the route applies.
 */
export function ApiRoute(spec: {
  tag: ApiTag;
  summary: string;
  /** The rule the route applies and its article, e.g. "during the notice's period (the tenant's policy names the article)". */
  rule?: string;
  body?: z.ZodType;
  /** The path's parameters, one per key of the object schema (every `{name}` of the route). */
  path?: z.ZodObject;
  /** The query string's parameters, one per key of the object schema. */
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
}) {
  const status = spec.status ?? 200;
  const decorators = [
    ApiTags(spec.tag),
    ApiOperation({ summary: spec.summary }),
    status === 204
      ? ApiResponse({ status, description: 'Done; no content' })
      : ApiResponse({
          status,
          description: 'Done',
          schema: spec.response ? schemaOf(spec.response) : { type: 'object' },
        }),
    ApiResponse({ status: 400, description: 'Bad input', schema: problem }),
    ApiResponse({ status: 401, description: 'Not signed in', schema: problem }),
    ApiResponse({ status: 403, description: 'Not allowed', schema: problem }),
    ...parametersOf('path', spec.path),
    ...parametersOf('query', spec.query),
  ];
  if (spec.rule) decorators.push(ApiExtension(RULE_EXTENSION, spec.rule));
  if (spec.body) decorators.push(ApiBody({ schema: schemaOf(spec.body) }));
  if (spec.status) decorators.push(HttpCode(spec.status));
  return applyDecorators(...decorators);
}
