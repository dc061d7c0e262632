/**
 * Lotsa's configuration: every environment variable it reads, parsed once. An invalid value stops
 * start-up with a message naming the variable. The README lists the same variables.
 */
import path from 'node:path';
import { z } from 'zod';
import { municipalities } from './reference/municipalities.js';

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('localhost'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATABASE_OWNER_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    LOTSA_DATA_DIR: z.string().default('./data'),
    LOTSA_PUBLIC_URL: z.string().url().optional(),
    LOTSA_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    LOTSA_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(10),
    LOTSA_MUNICIPALITY_CODE: z
      .string()
      .refine(
        (code) => municipalities().has(code),
        'must be the four-digit SCB code of a Swedish municipality (see reference/municipalities.csv)',
      )
      .default('1402'),
    LOTSA_MUNICIPALITY_NAME: z.string().min(1).optional(),
    LOTSA_TRUST_PROXY: z
      .string()
      .regex(
        /^(false|\d{1,2}|[\d.:a-fA-F/]+(,\s*[\d.:a-fA-F/]+)*)$/,
        'must be false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges',
      )
      .default('false'),
    LOTSA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOTSA_SMS_GATEWAY_URL: z
      .string()
      .url()
      .regex(/^https?:\/\//, 'must be an http(s) URL')
      .optional(),
    LOTSA_SMS_USER: z.string().min(1).optional(),
    LOTSA_SMS_PASSWORD: z.string().min(1).optional(),
    LOTSA_SMS_SENDER: z
      .string()
      .regex(
        /^([A-Za-z][A-Za-z0-9]{1,10}|\+\d{7,15})$/,
        'must be 2–11 letters and digits starting with a letter, or a phone number in international form',
      )
      .optional(),
    LOTSA_SMS_CALLBACK_TOKEN: z
      .string()
      .regex(/^[\w-]{24,200}$/, 'must be at least 24 letters, digits, - or _')
      .optional(),
    LOTSA_SMTP_HOST: z
      .string()
      .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'must be a host name or address, without a scheme or port')
      .optional(),
    LOTSA_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    LOTSA_SMTP_TLS: z
      .enum(['starttls', 'tls', 'none'], { message: 'must be starttls, tls or none' })
      .default('starttls'),
    LOTSA_SMTP_USER: z.string().min(1).optional(),
    LOTSA_SMTP_PASSWORD: z.string().min(1).optional(),
    LOTSA_SMTP_FROM: z
      .string()
      .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'must be an e-mail address (name@example.se)')
      .optional(),
    LOTSA_AUDIT_KEY_FILE: z.string().min(1).optional(),
    LOTSA_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
    LOTSA_AUDIT_CHECKPOINT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    LOTSA_AUDIT_CHECKPOINT_COMMAND: z.string().min(1).optional(),
    LOTSA_METRICS_TOKEN: z
      .string()
      .regex(
        /^[\w.~+/=-]{24,200}$/,
        'must be 24–200 letters, digits or - . _ ~ + / = (for example: openssl rand -hex 32)',
      )
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (e.DATABASE_OWNER_URL && !(e.DATABASE_URL && URL.canParse(e.DATABASE_URL) && new URL(e.DATABASE_URL).username)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: "must name the application's role (postgres://ROLE:…@host/db) when DATABASE_OWNER_URL is set",
      });
    }
    if (e.LOTSA_SMTP_HOST && !e.LOTSA_SMTP_FROM)
      ctx.addIssue({ code: 'custom', path: ['LOTSA_SMTP_FROM'], message: 'is required when LOTSA_SMTP_HOST is set' });
    if (Boolean(e.LOTSA_SMTP_USER) !== Boolean(e.LOTSA_SMTP_PASSWORD))
      ctx.addIssue({
        code: 'custom',
        path: [e.LOTSA_SMTP_USER ? 'LOTSA_SMTP_PASSWORD' : 'LOTSA_SMTP_USER'],
        message: 'LOTSA_SMTP_USER and LOTSA_SMTP_PASSWORD go together: set both or neither',
      });
    if (!e.LOTSA_SMS_GATEWAY_URL) return;
    for (const name of [
      'LOTSA_SMS_USER',
      'LOTSA_SMS_PASSWORD',
      'LOTSA_SMS_SENDER',
      'LOTSA_SMS_CALLBACK_TOKEN',
    ] as const) {
      if (!e[name])
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when LOTSA_SMS_GATEWAY_URL is set' });
    }
  });

/** Lotsa's parsed configuration. */
export type Env = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /**
   * The owner role's connection, for migrations; the application then runs as DATABASE_URL's role with fewer rights.
   */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  /** Where uploaded source lists wait to be processed. */
  uploadsDir: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  municipality: { code: string; name: string };
  /** false, a hop count, or the addresses of trusted proxies (never every hop). */
  trustProxy: false | number | string[];
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Days after which source lists no longer in use, uploads and finished jobs are culled. */
  retentionDays: number;
  /** The SMS gateway; null means text messages go to the built-in outbox. */
  sms: SmsGatewayConfig | null;
  /** The SMTP server e-mail goes through; null means e-mail stays in the built-in outbox. */
  smtp: SmtpConfig | null;
  /** Where the audit log is anchored outside the database (see src/server/audit/checkpoint.ts). */
  audit: AuditAnchorConfig;
  /** The bearer token GET /metrics requires; null turns /metrics off (404). */
  metricsToken: string | null;
};

/**
 * The Ed25519 key file that signs audit checkpoints, where they are written, how often, and an optional command each is
 * piped to.
 */
export type AuditAnchorConfig = {
  keyFile: string;
  checkpointFile: string;
  checkpointMinutes: number;
  checkpointCommand: string | null;
};

/** How to reach a form-encoded SMS gateway with basic auth, and the token its callbacks must carry. */
export type SmsGatewayConfig = { url: string; user: string; password: string; sender: string; callbackToken: string };

/**
 * How to reach an SMTP server: `tls` 'starttls' requires STARTTLS (port 587), 'tls' is TLS from the first byte (port
 * 465), 'none' sends in the clear (only to a relay on the same machine or network). `auth` is null without a user.
 */
export type SmtpConfig = {
  host: string;
  port: number;
  tls: 'starttls' | 'tls' | 'none';
  auth: { user: string; password: string } | null;
  from: string;
};

/** Thrown for an invalid configuration; the message names each bad variable. */
export class ConfigError extends Error {}

/** Parses configuration from `source` (process.env by default). */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LOTSA_DATA_DIR);
  const publicUrl = e.LOTSA_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    dataDir: path.resolve(e.LOTSA_DATA_DIR),
    uploadsDir: path.join(path.resolve(e.LOTSA_DATA_DIR), 'uploads'),
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    sessionIdleMinutes: e.LOTSA_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.LOTSA_SESSION_MAX_HOURS,
    municipality: {
      code: e.LOTSA_MUNICIPALITY_CODE,
      name: e.LOTSA_MUNICIPALITY_NAME ?? municipalities().get(e.LOTSA_MUNICIPALITY_CODE)!,
    },
    trustProxy:
      e.LOTSA_TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(e.LOTSA_TRUST_PROXY)
          ? Number(e.LOTSA_TRUST_PROXY)
          : e.LOTSA_TRUST_PROXY.split(',').map((s) => s.trim()),
    logLevel: e.LOG_LEVEL,
    retentionDays: e.LOTSA_RETENTION_DAYS,
    sms: e.LOTSA_SMS_GATEWAY_URL
      ? {
          url: e.LOTSA_SMS_GATEWAY_URL,
          user: e.LOTSA_SMS_USER!,
          password: e.LOTSA_SMS_PASSWORD!,
          sender: e.LOTSA_SMS_SENDER!,
          callbackToken: e.LOTSA_SMS_CALLBACK_TOKEN!,
        }
      : null,
    smtp: e.LOTSA_SMTP_HOST
      ? {
          host: e.LOTSA_SMTP_HOST,
          port: e.LOTSA_SMTP_PORT,
          tls: e.LOTSA_SMTP_TLS,
          auth: e.LOTSA_SMTP_USER ? { user: e.LOTSA_SMTP_USER, password: e.LOTSA_SMTP_PASSWORD! } : null,
          from: e.LOTSA_SMTP_FROM!,
        }
      : null,
    audit: {
      keyFile: path.resolve(e.LOTSA_AUDIT_KEY_FILE ?? path.join(dataDir, 'audit-signing-key.pem')),
      checkpointFile: path.resolve(e.LOTSA_AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.jsonl')),
      checkpointMinutes: e.LOTSA_AUDIT_CHECKPOINT_MINUTES,
      checkpointCommand: e.LOTSA_AUDIT_CHECKPOINT_COMMAND ?? null,
    },
    metricsToken: e.LOTSA_METRICS_TOKEN ?? null,
  };
}
