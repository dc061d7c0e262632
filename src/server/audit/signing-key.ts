/**
 * The Ed25519 key that signs audit checkpoints. It lives in a file outside the database (mode 0600),
 * so someone who can only write to the database cannot sign a checkpoint for a rewritten log.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A signing key: the private key, its public key, and a short fingerprint of the public key. */
export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject; fingerprint: string };

/** The first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Reads the key in `file` (PKCS #8 PEM); throws a message naming the file when it is not an Ed25519 key. */
export function readSigningKey(file: string): SigningKey {
  const privateKey = createPrivateKey(fs.readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`${file} holds a ${privateKey.asymmetricKeyType} key; the audit signing key must be Ed25519.`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/**
 * Creates a new key in `file` (its folder too), readable only by its owner; refuses to replace one unless `replace`.
 */
export function createSigningKey(file: string, { replace = false } = {}): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
    flag: replace ? 'w' : 'wx',
  });
  return readSigningKey(file);
}

/** The key in `file`, created there when there is none yet (`created` says so). */
export function loadOrCreateSigningKey(file: string): SigningKey & { created: boolean } {
  try {
    return { ...readSigningKey(file), created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  try {
    return { ...createSigningKey(file), created: true };
  } catch (err) {
    // Another process created it in between.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { ...readSigningKey(file), created: false };
    throw err;
  }
}
