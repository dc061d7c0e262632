import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPassword, PASSWORD_HASH_OPTIONS, enableTestPasswordHashing, verifyPassword } from './passwords.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('password hashing', () => {
  it("hashes with OWASP's argon2id parameters in any process that has not asked for the test suite's", async () => {
    expect(PASSWORD_HASH_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    vi.resetModules();
    const fresh = await import('./passwords.js');
    const hash = await fresh.hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await fresh.verifyPassword(hash, 'correct horse battery staple')).toBe(true);
  });

  it('refuses the cheap parameters outside Vitest and under NODE_ENV=production', () => {
    vi.stubEnv('VITEST', '');
    expect(() => enableTestPasswordHashing()).toThrow(/test suite only/);
    vi.stubEnv('VITEST', 'true');
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => enableTestPasswordHashing()).toThrow(/test suite only/);
  });

  it('checks a password against a hash made with either parameters', async () => {
    const cheap = await hashPassword('ett lösenord');
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=8,p=1,t=1\$/);
    expect(await verifyPassword(cheap, 'ett lösenord')).toBe(true);
    expect(await verifyPassword(cheap, 'ett annat')).toBe(false);
    expect(await verifyPassword('not a hash', 'ett lösenord')).toBe(false);
  });
});
