/** Password hashing with argon2id, and one-time passwords for new accounts. */
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** OWASP's recommended argon2id parameters: every hash Lotsa makes outside its test suite uses them. */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Argon2's smallest parameters, for the test suite only: a hash takes well under a millisecond instead of
 * a fifth of a second, and the suite hashes and checks a password for every account of every test app.
 */
const TEST_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 8, timeCost: 1, parallelism: 1 } as const;

let hashOptions: typeof PASSWORD_HASH_OPTIONS | typeof TEST_HASH_OPTIONS = PASSWORD_HASH_OPTIONS;

/**
 * Makes this process hash with argon2's smallest parameters. Only the test suite calls it (its set-up file,
 * src/server/testing/setup.ts), and it refuses to work outside Vitest or with NODE_ENV=production, so no
 * configuration of a running Lotsa can weaken its hashes. Checking a password reads the parameters from
 * the stored hash, so accounts hashed either way can sign in.
 */
export function enableTestPasswordHashing(): void {
  if (!process.env.VITEST || process.env.NODE_ENV === 'production')
    throw new Error('Cheap password hashing is for the test suite only');
  hashOptions = TEST_HASH_OPTIONS;
  dummyHash = undefined;
}

/** Hashes a password with argon2id (OWASP's recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

/** True when `password` matches `hash`; false for any malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 16-character one-time password without look-alike characters, in groups of four. */
export function oneTimePassword(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to compare against when the account does not exist, so timing does not reveal it; made on first
 * use with the same parameters as real hashes.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
