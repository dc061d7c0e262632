import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env.js';

describe('loadEnv', () => {
  it('gives working defaults: port 3000, embedded database in ./data', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: path.resolve('data'), publicUrl: 'http://localhost:3000', secureCookies: false });
  });

  it('uses secure cookies when the public URL is https', () => {
    expect(loadEnv({ LOTSA_PUBLIC_URL: 'https://lotsa.partille.se' }).secureCookies).toBe(true);
  });

  it('stops with a message naming each invalid variable', () => {
    expect(() => loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
    }
  });
});
