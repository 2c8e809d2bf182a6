import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
const schemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

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

/** Documents a route in OpenAPI from the same zod schemas that check it. */
export function ApiRoute(spec: {
  tag: string;
  summary: string;
  body?: z.ZodType;
  /** The query string's parameters, one per key of the object schema. */
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
}) {
  const decorators = [
    ApiTags(spec.tag),
    ApiOperation({ summary: spec.summary }),
    ApiResponse({ status: spec.status ?? 200, schema: spec.response ? schemaOf(spec.response) : { type: 'object' } }),
    ApiResponse({ status: 400, description: 'Bad input', schema: problem }),
    ApiResponse({ status: 401, description: 'Not signed in', schema: problem }),
    ApiResponse({ status: 403, description: 'Not allowed', schema: problem }),
  ];
  if (spec.body) decorators.push(ApiBody({ schema: schemaOf(spec.body) }));
  for (const [name, field] of Object.entries(spec.query?.shape ?? {})) {
    const schema = schemaOf(field as z.ZodType);
    const description = typeof schema.description === 'string' ? schema.description : undefined;
    decorators.push(
      ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema, description }),
    );
  }
  if (spec.status) decorators.push(HttpCode(spec.status));
  return applyDecorators(...decorators);
}
