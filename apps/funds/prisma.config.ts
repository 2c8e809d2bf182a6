import { defineConfig } from 'prisma/config';

// Prisma 7 configuration of the funds service's schema (a folder: schema.prisma + the platform's tables).
// Migrations are written and applied by the runner in @laurel/platform (`npm run db:migration -w
// @laurel/funds -- <name>`, `npm run db:migrate`), not by `prisma migrate`.
export default defineConfig({
  schema: 'prisma',
  migrations: { path: 'prisma/migrations' },
});
