import { z } from 'zod';

/**
 * The one place that reads configuration from the environment. Everything else receives typed values,
 * so a missing or malformed variable fails at start-up with a message that names it.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .optional(),
  /** Owner connection for migrations and seeds; defaults to DATABASE_URL. */
  MIGRATION_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'MIGRATION_DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Where the embedded PostgreSQL keeps its data and the generated demo credentials (git-ignored). */
  DESIRED_STATE_DATA_DIR: z.string().min(1).default('.data'),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
  NEXTAUTH_URL: z.url({ error: 'NEXTAUTH_URL must be a URL such as http://localhost:3000' }).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset: `DATABASE_URL= npm start` should mean "use the embedded database".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
