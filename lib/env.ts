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

  /** Failed sign-ins for one email within the window that lock it (lib/auth/throttle.ts). */
  AUTH_LOCKOUT_THRESHOLD: z.coerce
    .number({ error: 'AUTH_LOCKOUT_THRESHOLD must be a whole number of attempts' })
    .int('AUTH_LOCKOUT_THRESHOLD must be a whole number of attempts')
    .min(1, 'AUTH_LOCKOUT_THRESHOLD must be at least 1')
    .max(1000, 'AUTH_LOCKOUT_THRESHOLD must be at most 1000')
    .default(5),
  /** How long a lock lasts, in minutes (fractions allowed: 0.25 = 15 s, for tests). */
  AUTH_LOCKOUT_MINUTES: z.coerce
    .number({ error: 'AUTH_LOCKOUT_MINUTES must be a number of minutes' })
    .positive('AUTH_LOCKOUT_MINUTES must be more than 0')
    .max(1440, 'AUTH_LOCKOUT_MINUTES must be at most 1440 (a day)')
    .default(15),
  /** The window failed sign-ins are counted in, in minutes. */
  AUTH_LOCKOUT_WINDOW_MINUTES: z.coerce
    .number({ error: 'AUTH_LOCKOUT_WINDOW_MINUTES must be a number of minutes' })
    .positive('AUTH_LOCKOUT_WINDOW_MINUTES must be more than 0')
    .max(1440, 'AUTH_LOCKOUT_WINDOW_MINUTES must be at most 1440 (a day)')
    .default(15),
  /** Failed sign-ins from one client address within the window that block it. */
  AUTH_IP_THRESHOLD: z.coerce
    .number({ error: 'AUTH_IP_THRESHOLD must be a whole number of attempts' })
    .int('AUTH_IP_THRESHOLD must be a whole number of attempts')
    .min(1, 'AUTH_IP_THRESHOLD must be at least 1')
    .max(100_000, 'AUTH_IP_THRESHOLD must be at most 100000')
    .default(20),
  /** Sign-ups (each creates a user and an organisation) from one client address per hour. */
  AUTH_SIGNUP_IP_THRESHOLD: z.coerce
    .number({ error: 'AUTH_SIGNUP_IP_THRESHOLD must be a whole number of sign-ups' })
    .int('AUTH_SIGNUP_IP_THRESHOLD must be a whole number of sign-ups')
    .min(1, 'AUTH_SIGNUP_IP_THRESHOLD must be at least 1')
    .max(100_000, 'AUTH_SIGNUP_IP_THRESHOLD must be at most 100000')
    .default(10),

  /**
   * Reverse proxies in front of the app that append to X-Forwarded-For: the client's address is the one the
   * outermost of them saw (lib/auth/throttle.ts, clientIpFromHeaders).
   */
  AUTH_TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: 'AUTH_TRUSTED_PROXY_HOPS must be a whole number of proxies' })
    .int('AUTH_TRUSTED_PROXY_HOPS must be a whole number of proxies')
    .min(1, 'AUTH_TRUSTED_PROXY_HOPS must be at least 1 (1 also fits an app reached directly)')
    .max(10, 'AUTH_TRUSTED_PROXY_HOPS must be at most 10')
    .default(1),

  /** Optional single sign-on through any OpenID Connect provider: all three or none (README, "Single sign-on"). */
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'OIDC_ISSUER must be the issuer URL, such as https://login.example.com/realms/acme' })
    .transform((issuer) => issuer.replace(/\/+$/, ''))
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Sign in with <name>"). */
  OIDC_NAME: z.string().trim().min(1).max(40, 'OIDC_NAME must be at most 40 characters').default('single sign-on'),
}).superRefine((value, ctx) => {
  const oidc = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const missing = oidc.filter((name) => value[name] === undefined);
  if (missing.length > 0 && missing.length < oidc.length) {
    for (const name of missing) {
      ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required when any OIDC_* variable is set (set all three or none)` });
    }
  }
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

/** The OpenID Connect provider's settings, or null when single sign-on is not configured. */
export function oidcConfig(config: Env): { issuer: string; clientId: string; clientSecret: string; name: string } | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = config;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: config.OIDC_NAME };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
