import { policySchema } from '@laurel/policy';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ACCESS_EXTENSION, PUBLIC_EXTENSION, type RouteAccess } from '../auth/auth.decorators';
import { RULE_EXTENSION, schemaOf } from './api-route.decorator';
import { API_TAGS } from './api-tags';

/** The security scheme of every route that needs a login: the access token from `POST /api/v1/auth/login`. */
export const BEARER_AUTH = 'bearerAuth';

const DESCRIPTION = [
  'Laurel runs government quality awards (质量奖) for many jurisdictions, each a tenant with its own regulation.',
  'Sign in with `POST /api/v1/auth/login` and send the access token as `Authorization: Bearer <token>`; routes under',
  '`/api/v1/public/{tenantKey}` need no account. Each operation’s summary says who may call it (the roles of the',
  'jurisdiction in `{tenantKey}` the route admits, `operator` for the platform’s operators, or anyone) and the rule',
  'it applies, with its article where the regulation has one. Errors are application/problem+json (RFC 9457) in',
  'zh-CN by default, en with `Accept-Language: en`. Writes accept an `Idempotency-Key` header. Lists are paged by',
  'key: `?limit=` and `?after=<the answer’s next>`.',
].join(' ');

/**
 * Shapes the contracts carry as opaque JSON (they stay free of @laurel/policy) but the document spells out once, under
 * `components.schemas`; a contract schema names one with the `x-laurel-schema` meta.
 */
const NAMED_SCHEMAS = { PolicyDocument: policySchema } as const;
const NAMED = 'x-laurel-schema';

/** Replaces every schema naming one of NAMED_SCHEMAS by a reference to it, keeping its description. */
function referenceNamed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(referenceNamed);
  if (typeof node !== 'object' || node === null) return node;
  const schema = node as Record<string, unknown>;
  if (typeof schema[NAMED] === 'string') {
    return { $ref: `#/components/schemas/${schema[NAMED]}`, description: schema.description };
  }
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, referenceNamed(value)]));
}

type Operation = {
  summary?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
  [extension: `x-${string}`]: unknown;
};

/** Who may call an operation, in words, from its `@Access`/`@Public`. */
function whoOf(operation: Operation): { who: string; signedIn: boolean } {
  if (operation[PUBLIC_EXTENSION]) return { who: 'anyone', signedIn: false };
  const access = operation[ACCESS_EXTENSION] as RouteAccess | undefined;
  const who = [...(access?.roles ?? []), ...(access?.operator ? ['operator'] : [])];
  return { who: who.length > 0 ? who.join(', ') : 'any signed-in user', signedIn: true };
}

/**
 * Finishes what @nestjs/swagger built: each operation's summary says who may call it and the rule it applies, routes
 * that need a login carry the bearer scheme (and public ones none, nor a 401/403), and the internal extensions go.
 */
export function finishDocument(built: OpenAPIObject): OpenAPIObject {
  const document = { ...built, paths: referenceNamed(built.paths) as OpenAPIObject['paths'] };
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ...Object.fromEntries(Object.entries(NAMED_SCHEMAS).map(([name, schema]) => [name, schemaOf(schema)])),
    },
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const { who, signedIn } = whoOf(operation);
      const rule = operation[RULE_EXTENSION] as string | undefined;
      const summary = (operation.summary ?? '').replace(/\.$/, '');
      operation.summary = `${summary}. Who: ${who}.${rule ? ` Rule: ${rule}.` : ''}`;
      if (signedIn) {
        operation.security = [{ [BEARER_AUTH]: [] }];
      } else {
        operation.security = [];
        delete operation.responses?.['401'];
        delete operation.responses?.['403'];
      }
      delete operation[PUBLIC_EXTENSION];
      delete operation[ACCESS_EXTENSION];
      delete operation[RULE_EXTENSION];
    }
  }
  return document;
}

/** The gateway's OpenAPI 3.1 document (its schemas are JSON Schema 2020-12, as zod writes them). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Laurel API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The access token of POST /api/v1/auth/login',
      },
      BEARER_AUTH,
    );
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), { autoTagControllers: false });
  return finishDocument(document);
}
