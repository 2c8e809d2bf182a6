import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from '@laurel/contracts';
import { PlatformModule, type PlatformRuntime } from '@laurel/platform';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { openApiDocument } from './http/openapi-document';

/**
 * Writes the gateway's OpenAPI document to a file without starting anything: Nest's preview mode scans the modules
 * and their routes but creates no provider, so no database, NATS or Redis is reached. The web app's build generates
 * its API client from this file (`apps/web/scripts/generate-api.mjs`), so the document is always the code's.
 *
 * Usage: node dist/openapi-document.cli.js <output.json>
 */
async function main(): Promise<void> {
  const output = process.argv[2];
  if (!output) throw new Error('usage: openapi-document.cli <output.json>');
  @Module({
    imports: [
      // Providers are declared, never created in preview: the runtime behind them is not needed.
      PlatformModule.forRuntime({} as PlatformRuntime),
      GatewayModule.with({ config: {} as GatewayConfig, services: SERVICES }),
    ],
  })
  class GatewayDocumentModule {}
  const app = await NestFactory.create<NestFastifyApplication>(GatewayDocumentModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api/v1');
  const document = openApiDocument(app);
  mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(`openapi document: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
