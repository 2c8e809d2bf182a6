import { randomUUID } from 'node:crypto';
import { TestInfrastructure } from '@laurel/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { type RunningGateway, startGateway } from '../src/gateway-app';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Document = {
  openapi: string;
  tags: { name: string }[];
  components: { securitySchemes: Record<string, Schema> };
  paths: Record<string, Record<string, Operation>>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every operation of the document, with its method and path. */
const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );

/** Every schema object below `node`, with where it is. */
function* schemasIn(node: unknown, where: string): Generator<{ schema: Schema; where: string }> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* schemasIn(item, `${where}/${i}`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  yield { schema: node as Schema, where };
  for (const [key, value] of Object.entries(node)) {
    // An enum's or default's values are data, not schemas.
    if (key !== 'enum' && key !== 'default' && key !== 'examples') yield* schemasIn(value, `${where}/${key}`);
  }
}

const isBearer = (operation: Operation) => (operation.security ?? []).some((entry) => 'bearerAuth' in entry);

/**
 * The document as a newcomer's tools read it: a real OpenAPI 3.1 validator, every path parameter declared, one tag
 * and a summary saying who may call it on every operation, the bearer scheme exactly where the gateway asks for a token,
 * and request bodies whose open shapes say what they hold.
 */
describe('the OpenAPI document', () => {
  let infra: TestInfrastructure;
  let gateway: RunningGateway;
  let document: Document;

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    gateway = await startGateway({
      env: infra.env({ LAUREL_JWT_SECRET: 'test-secret-test-secret-test-secret-1234', LAUREL_HTTP_PORT: '0' }),
    });
    const response = await fetch(`${gateway.url}/api/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  });

  afterAll(async () => {
    await gateway.close();
    await infra.dispose();
  });

  it('is valid OpenAPI 3.1 for a real validator, with 2020-12 schemas and no 3.0 constructs', async () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');

    const offending: string[] = [];
    for (const { schema, where } of schemasIn(document.paths, '#/paths')) {
      if ('nullable' in schema) offending.push(`${where}: nullable (3.0; 3.1 says type [..., "null"])`);
      for (const key of ['exclusiveMinimum', 'exclusiveMaximum']) {
        if (key in schema && typeof schema[key] !== 'number') offending.push(`${where}: boolean ${key} (3.0)`);
      }
      if ('$schema' in schema) offending.push(`${where}: $schema in an operation's schema`);
    }
    expect(offending).toEqual([]);
  });

  it('declares every path parameter of every path, required and with a schema', () => {
    const missing: string[] = [];
    for (const { method, path, operation } of operationsOf(document)) {
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path' && p.name === name);
        if (declared.length !== 1 || declared[0]?.required !== true || !declared[0]?.schema) {
          missing.push(`${method.toUpperCase()} ${path}: {${name}}`);
        }
      }
      const extra = (operation.parameters ?? []).filter((p) => p.in === 'path' && !path.includes(`{${p.name}}`));
      for (const parameter of extra) missing.push(`${method.toUpperCase()} ${path}: undeclared ${parameter.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('gives every operation one tag of the document and a summary saying who may call it', () => {
    const tags = new Set(document.tags.map((tag) => tag.name));
    const wrong: string[] = [];
    for (const { method, path, operation } of operationsOf(document)) {
      const tag = operation.tags?.[0];
      if (operation.tags?.length !== 1 || !tag || !tags.has(tag))
        wrong.push(`${method} ${path}: tags ${operation.tags}`);
      if (!/\. Who: [^.]+\./.test(operation.summary ?? ''))
        wrong.push(`${method} ${path}: summary ${operation.summary}`);
    }
    expect(wrong).toEqual([]);
    for (const resource of ['applicants', 'applications', 'materials', 'notices', 'objections', 'public notices']) {
      expect(tags).toContain(resource);
    }
    const summary = (method: string, path: string) => document.paths[path]?.[method]?.summary;
    expect(summary('post', '/api/v1/public/{tenantKey}/notices/{id}/objections')).toMatch(
      /Who: anyone\. Rule: .*during the notice’s period/,
    );
    expect(summary('post', '/api/v1/tenants/{tenantKey}/applications/{id}/review')).toContain('Who: recommender.');
    expect(summary('put', '/api/v1/tenants/{tenantKey}/policy')).toContain('Who: operator.');
  });

  it('asks for the bearer token exactly on the operations the gateway refuses without one', async () => {
    expect(document.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    );
    const values: Record<string, string> = { tenantKey: 'nowhere', year: '2026', service: 'gateway' };
    const disagree: string[] = [];
    for (const { method, path, operation } of operationsOf(document)) {
      const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? randomUUID());
      const response = await fetch(`${gateway.url}${url}`, {
        method: method.toUpperCase(),
        ...(method === 'get' || method === 'delete'
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
      await response.arrayBuffer();
      const refused = response.status === 401;
      if (refused !== isBearer(operation)) {
        disagree.push(
          `${method.toUpperCase()} ${path}: ${response.status} without a token, security ${JSON.stringify(operation.security)}`,
        );
      }
    }
    expect(disagree).toEqual([]);
  });

  it('documents what open request shapes hold (attestations, policy documents …), never a bare map', () => {
    const bare: string[] = [];
    for (const { method, path, operation } of operationsOf(document)) {
      for (const { schema: body } of Object.values(operation.requestBody?.content ?? {})) {
        for (const { schema, where } of schemasIn(body, `${method.toUpperCase()} ${path} body`)) {
          const open = schema.additionalProperties !== undefined && schema.additionalProperties !== false;
          const empty = Object.keys(schema).length === 0 && !where.endsWith('/additionalProperties');
          if ((open || empty) && typeof schema.description !== 'string') bare.push(where);
        }
      }
    }
    expect(bare).toEqual([]);
    const facts = document.paths['/api/v1/tenants/{tenantKey}/applications/{id}/facts']?.put;
    const properties = facts?.requestBody?.content['application/json']?.schema.properties as Record<string, Schema>;
    const attestations = properties.attestations as Schema;
    expect(attestations.description).toMatch(/rule id/);
    expect((attestations.additionalProperties as Schema).properties).toEqual({
      statement: expect.objectContaining({ type: 'string', description: expect.any(String) }),
    });
  });
});
