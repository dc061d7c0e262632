import { describe, expect, it } from 'vitest';
import { startNotice } from './first-start.js';

const env = { publicUrl: 'http://localhost:3000', municipality: { code: '1402', name: 'Partille kommun' } };

describe('the start-up notice', () => {
  it('sets the one-time password apart on a line of its own, names the municipality and how to change it', () => {
    const lines = startNotice(env, 'embedded database in ./data', {
      email: 'admin@lotsa.local',
      oneTimePassword: 'abcd-efgh-ijkl-mnop',
    });
    expect(lines[0]).toMatch(/^=+$/);
    expect(lines.at(-1)).toMatch(/^=+$/);
    expect(lines).toContain('    abcd-efgh-ijkl-mnop');
    expect(lines).toContain('Municipality: Partille kommun (SCB code 1402).');
    expect(lines.join('\n')).toMatch(
      /Not Partille kommun\? Change it before the first real use: stop Lotsa, set LOTSA_MUNICIPALITY_CODE/,
    );
  });

  it('says only where Lotsa runs and for whom once the first administrator has a password', () => {
    const lines = startNotice(env, 'PostgreSQL server', null);
    expect(lines.join('\n')).not.toMatch(/one-time|LOTSA_MUNICIPALITY_CODE/);
    expect(lines).toContain('Lotsa is running at http://localhost:3000 (PostgreSQL server).');
  });
});
