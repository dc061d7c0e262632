/**
 * The production install of docs/operations.md, done for real: build once, copy the built tree, install
 * only the runtime dependencies, make the copy read-only and start Lotsa from it. Slow (an `npm ci`, and a
 * build unless `npm test` has just made one), so it is one test; npm takes packages from its cache when it has them.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve('.');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsa-install-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The environment of an operator's shell: no test or npm-script settings leak into the commands. */
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) =>
      !/^(LOTSA_|DATABASE_|TEST_DATABASE_|PORT$|HOST$|VITEST|NODE_ENV$)/.test(k) &&
      !(/^npm_/i.test(k) && !/^npm_config_(cache|registry|userconfig)$/i.test(k)),
  ),
) as NodeJS.ProcessEnv;

/** Copies the project without what a build or an install makes (and without git's files). */
function copyProject(from: string, to: string, skip: string[]) {
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => !skip.includes(path.relative(from, src).split(path.sep)[0]!),
  });
}

/** Every file under `dir` with its size and modification time, to see that nothing was written. */
function snapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const s = fs.lstatSync(path.join(dir, f));
      return `${f} ${s.size} ${s.mtimeMs}`;
    });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The newest modification time of a file under `dir` (or of `dir`, a file), 0 if it does not exist. */
function newest(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  if (!fs.statSync(dir).isDirectory()) return fs.statSync(dir).mtimeMs;
  return Math.max(
    0,
    ...fs.readdirSync(dir, { recursive: true }).map((f) => fs.statSync(path.join(dir, String(f))).mtimeMs),
  );
}

/**
 * Whether the working tree's dist/ is what `npm run build` makes of the sources as they are: `npm test` builds
 * first, so within it the build need not be made again. Its command bundle is made current here as the build makes it
 * (`lotsa --help`), and its web app is current when no source of it is newer.
 */
async function workingTreeBuilt(): Promise<boolean> {
  const web = newest(path.join(repo, 'dist', 'web', 'index.html'));
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];
  if (!web || sources.some((s) => newest(path.join(repo, s)) > web)) return false;
  await run(process.execPath, [path.join(repo, 'bin', 'lotsa.js'), '--help'], { cwd: repo, env: cleanEnv });
  return true;
}

// Tens of thousands of files: they are removed in the background, while the next test file runs.
afterAll(() => {
  spawn('sh', ['-c', 'chmod -R u+w "$1"; rm -rf "$1"', 'remove', tmp], { detached: true, stdio: 'ignore' }).unref();
});

describe('the production install', () => {
  it('builds once, then runs from a read-only copy without devDependencies', async () => {
    // 1. Build once: the working tree's build when it is current (npm test's first step), else a build in a copy
    // of the project (so this test does not touch the working tree's dist/).
    let build = repo;
    if (!(await workingTreeBuilt())) {
      build = path.join(tmp, 'build');
      copyProject(repo, build, ['node_modules', 'dist', '.git', 'data', 'test-results', 'coverage']);
      fs.symlinkSync(path.join(repo, 'node_modules'), path.join(build, 'node_modules'), 'dir');
      await run(npm, ['run', 'build', '--silent'], { cwd: build, env: cleanEnv, timeout: 300_000 });
    }

    // 2. Copy the built tree (its files get new times) and install the runtime dependencies only.
    const install = path.join(tmp, 'install');
    copyProject(build, install, ['node_modules', '.git', 'data', 'test-results', 'coverage']);
    await run(npm, ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: install,
      env: cleanEnv,
      timeout: 300_000,
    });
    expect(fs.existsSync(path.join(install, 'node_modules', 'fastify'))).toBe(true);
    for (const dev of ['vite', 'typescript', 'vitest', 'tsx'])
      expect(fs.existsSync(path.join(install, 'node_modules', dev))).toBe(false);

    // 3. Read-only. chmod does not stop root: as root, Lotsa runs as the unprivileged user nobody
    // (as the systemd unit in docs/operations.md runs it as lotsa), and the files are compared before and after.
    await run('chmod', ['-R', 'a-w', install]);
    const before = snapshot(install);
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(dataDir);
    const asNobody = process.getuid?.() === 0 && fs.existsSync('/usr/sbin/runuser');
    if (asNobody) {
      fs.chmodSync(tmp, 0o755);
      await run('chown', ['nobody', dataDir]);
    }

    // 4. Start from elsewhere, with the data directory outside the installation.
    const port = await freePort();
    const out: string[] = [];
    const command = [process.execPath, path.join(install, 'bin', 'lotsa.js'), 'start'];
    const child = spawn(
      asNobody ? '/usr/sbin/runuser' : command[0]!,
      asNobody ? ['-u', 'nobody', '--', ...command] : command.slice(1),
      {
        cwd: dataDir,
        env: { ...cleanEnv, PORT: String(port), HOST: '127.0.0.1', LOTSA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (d) => out.push(String(d)));
    child.stderr.on('data', (d) => out.push(String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let health: Response | null = null;
      for (let i = 0; i < 240 && child.exitCode === null; i++) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (health?.ok) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(health?.ok, out.join('')).toBe(true);
      expect(await health!.json()).toMatchObject({ status: 'ok', database: 'pglite', jobs: 'ok' });
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(snapshot(install)).toEqual(before);
  }, 600_000);
});
