import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env.js';

describe('loadEnv', () => {
  it('gives working defaults: port 3000, embedded database in ./data', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: path.resolve('data'),
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
    });
  });

  it('uses secure cookies when the public URL is https', () => {
    expect(loadEnv({ LOTSA_PUBLIC_URL: 'https://lotsa.partille.se' }).secureCookies).toBe(true);
  });

  it('trusts no proxy by default, and a hop count or named proxies when told', () => {
    expect(loadEnv({}).trustProxy).toBe(false);
    expect(loadEnv({ LOTSA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadEnv({ LOTSA_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => loadEnv({ LOTSA_TRUST_PROXY: 'true' })).toThrow(/LOTSA_TRUST_PROXY/);
  });

  it('knows the municipality by its SCB code and takes its name from the reference list', () => {
    expect(loadEnv({}).municipality).toEqual({ code: '1402', name: 'Partille' });
    expect(loadEnv({ LOTSA_MUNICIPALITY_CODE: '2584' }).municipality).toEqual({ code: '2584', name: 'Kiruna' });
    expect(() => loadEnv({ LOTSA_MUNICIPALITY_CODE: '9999' })).toThrow(
      /LOTSA_MUNICIPALITY_CODE: must be the four-digit SCB code/,
    );
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

  it('sends text messages to the outbox unless a gateway is configured, and then needs all of its settings', () => {
    expect(loadEnv({}).sms).toBeNull();
    const gateway = {
      LOTSA_SMS_GATEWAY_URL: 'https://sms.example.se/a1/sms',
      LOTSA_SMS_USER: 'u',
      LOTSA_SMS_PASSWORD: 'p',
      LOTSA_SMS_SENDER: 'Ungdom',
      LOTSA_SMS_CALLBACK_TOKEN: 'x'.repeat(32),
    };
    expect(loadEnv(gateway).sms).toEqual({
      url: gateway.LOTSA_SMS_GATEWAY_URL,
      user: 'u',
      password: 'p',
      sender: 'Ungdom',
      callbackToken: 'x'.repeat(32),
    });
    expect(() => loadEnv({ LOTSA_SMS_GATEWAY_URL: 'https://sms.example.se/a1/sms' })).toThrow(
      /LOTSA_SMS_PASSWORD: is required when LOTSA_SMS_GATEWAY_URL is set/,
    );
    expect(() => loadEnv({ ...gateway, LOTSA_SMS_SENDER: 'Socialtjänsten i Partille' })).toThrow(/LOTSA_SMS_SENDER/);
  });

  it('keeps e-mail in the outbox unless an SMTP server is configured, and then needs a sender', () => {
    expect(loadEnv({}).smtp).toBeNull();
    expect(loadEnv({ LOTSA_SMTP_HOST: 'smtp.example.se', LOTSA_SMTP_FROM: 'lotsa@example.se' }).smtp).toEqual({
      host: 'smtp.example.se',
      port: 587,
      tls: 'starttls',
      auth: null,
      from: 'lotsa@example.se',
    });
    expect(() => loadEnv({ LOTSA_SMTP_HOST: 'smtp.example.se' })).toThrow(
      /LOTSA_SMTP_FROM: is required when LOTSA_SMTP_HOST is set/,
    );
    expect(() =>
      loadEnv({ LOTSA_SMTP_HOST: 'smtp.example.se', LOTSA_SMTP_FROM: 'lotsa@example.se', LOTSA_SMTP_USER: 'u' }),
    ).toThrow(/LOTSA_SMTP_PASSWORD: LOTSA_SMTP_USER and LOTSA_SMTP_PASSWORD go together/);
    expect(() => loadEnv({ LOTSA_SMTP_TLS: 'ssl' })).toThrow(/LOTSA_SMTP_TLS: must be starttls, tls or none/);
    expect(
      loadEnv({
        LOTSA_SMTP_HOST: 'smtp.example.se',
        LOTSA_SMTP_PORT: '465',
        LOTSA_SMTP_TLS: 'tls',
        LOTSA_SMTP_USER: 'u',
        LOTSA_SMTP_PASSWORD: 'p',
        LOTSA_SMTP_FROM: 'lotsa@example.se',
      }).smtp,
    ).toMatchObject({ port: 465, tls: 'tls', auth: { user: 'u', password: 'p' } });
  });

  it('keeps the audit signing key and checkpoints in the data directory unless told otherwise', () => {
    expect(loadEnv({ LOTSA_DATA_DIR: '/srv/lotsa' }).audit).toEqual({
      keyFile: '/srv/lotsa/audit-signing-key.pem',
      checkpointFile: '/srv/lotsa/audit-checkpoints.jsonl',
      checkpointMinutes: 10,
      checkpointCommand: null,
    });
    expect(
      loadEnv({
        LOTSA_AUDIT_KEY_FILE: '/etc/lotsa/key.pem',
        LOTSA_AUDIT_CHECKPOINT_MINUTES: '5',
        LOTSA_AUDIT_CHECKPOINT_COMMAND: 'logger -t lotsa',
      }).audit,
    ).toMatchObject({ keyFile: '/etc/lotsa/key.pem', checkpointMinutes: 5, checkpointCommand: 'logger -t lotsa' });
    expect(() => loadEnv({ LOTSA_AUDIT_CHECKPOINT_MINUTES: '0' })).toThrow(/LOTSA_AUDIT_CHECKPOINT_MINUTES/);
  });

  it("takes an owner's connection for migrations only beside an application role named in DATABASE_URL", () => {
    const owner = 'postgres://lotsa_owner:s@db/lotsa';
    expect(
      loadEnv({ DATABASE_OWNER_URL: owner, DATABASE_URL: 'postgres://lotsa_app:s@db/lotsa' }).databaseOwnerUrl,
    ).toBe(owner);
    expect(() => loadEnv({ DATABASE_OWNER_URL: owner })).toThrow(/DATABASE_URL: must name the application's role/);
    expect(() => loadEnv({ DATABASE_OWNER_URL: owner, DATABASE_URL: 'postgres://db/lotsa' })).toThrow(
      /DATABASE_URL: must name/,
    );
  });
});
