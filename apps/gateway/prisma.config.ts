import { defineConfig } from 'prisma/config';

// Prisma 7 configuration of the gateway's schema (a folder: schema.prisma + the platform's tables).
// Migrations are applied by `npm run db:migrate` (the runner in @laurel/platform), not by `prisma migrate`.
export default defineConfig({
  schema: 'prisma',
  migrations: { path: 'prisma/migrations' },
});
