import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lotsa-lock-'));

describe('lockDataDir', () => {
  it('refuses a directory held by another live process, naming it', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'lotsa.pid'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by another Lotsa process \\(pid ${process.ppid}\\)`));
  });

  it('treats a lock file without a readable pid as held', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'lotsa.pid'), '');
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
  });

  it('refuses a second lock in the same process', () => {
    const dir = tmp();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
    release();
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const dir = tmp();
    const gone = spawnSync('true');
    fs.writeFileSync(path.join(dir, 'lotsa.pid'), String(gone.pid));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'lotsa.pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
