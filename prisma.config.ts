import { defineConfig } from 'prisma/config';

// The Prisma CLI is only used for `generate`/`validate` here: migrations are reviewed SQL applied by
// scripts/migrate.ts (the schema engine cannot be downloaded on these machines).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
