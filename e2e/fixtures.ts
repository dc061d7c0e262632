/**
 * Shared set-up for the end-to-end specs: a real Lotsa server on a free port with a fresh
 * embedded database full of demo data, a Chromium browser, sign-in helpers and an axe check.
 * Each spec file starts one server and one browser (beforeAll) and a new browser context per test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { WEB_DIST } from '../src/server/app.js';
import { todayInSweden } from '../src/core/dates.js';
import { withinKaaAge } from '../src/core/eligibility.js';
import { birthDateOf } from '../src/core/personnummer.js';
import { DEMO_PASSWORD, demoIdentityNumbers } from '../src/server/demo/demo.js';
import { CHROMIUM_OPTIONS, CHROMIUM_PATH, skipE2E } from './chromium.js';
import { loadEnv } from '../src/server/env.js';
import { startServer } from '../src/server/main.js';
import { openDatabase } from '../src/server/db/connection.js';

export { DEMO_PASSWORD };

export { CHROMIUM_PATH, skipE2E };

/** Demo accounts by role (see src/server/demo/demo.ts). */
export const ACCOUNTS = {
  administrator: 'admin@demo.lotsa.local',
  coordinator: 'samordnare@demo.lotsa.local',
  youthCoach: 'coach@demo.lotsa.local',
  teamMember: 'syv@demo.lotsa.local',
  schoolReporter: 'skola@demo.lotsa.local',
  manager: 'chef@demo.lotsa.local',
} as const;

/** A running server for one spec file. */
export type Lotsa = {
  baseUrl: string;
  stop: () => Promise<void>;
  /**
   * The `n`th of Skatteverket's test identity numbers of 16–20-year-olds that the demo data left
   * unused, so a spec can register new people without colliding (use a different `n` per call).
   */
  unusedIdentityNumber: (n: number) => string;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The demo database's dump, read once per worker. PGlite reads a dump with `arrayBuffer()`, which for a Blob of
 * 70 MB cost Node about half a second of CPU each time; this one hands out a copy of the bytes it holds.
 */
class HeldDump extends Blob {
  constructor(private readonly held: ArrayBuffer) {
    super([]);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.held.slice(0));
  }
}
let demoDump: Blob | undefined;

/**
 * Starts Lotsa on a free port with a copy of the demo database in memory (loaded from the dump the project's
 * global set-up made) and a new, empty data directory for what Lotsa keeps in files.
 */
export async function startLotsa(): Promise<Lotsa> {
  if (!existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error(`No built web app in ${WEB_DIST}. Run "npx vite build" first.`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-e2e-'));
  const port = await freePort();
  // Only what the server needs: a DATABASE_URL in the caller's environment must not redirect the specs.
  const env = loadEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    LOTSA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOTSA_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });

  if (!demoDump) {
    const bytes = readFileSync(inject('demoDump'));
    demoDump = new HeldDump(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  const loadDataDir = demoDump;
  const used = new Set(inject('demoIdentityNumbersTaken'));

  let stopServer: () => Promise<void>;
  try {
    stopServer = await startServer(env, { openDatabase: () => openDatabase({ memory: true, loadDataDir }) });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await stopServer();
      rmSync(dataDir, { recursive: true, force: true });
    },
    unusedIdentityNumber: (n) => {
      // Only numbers of the KAA's age: Lotsa opens no case for someone 20 or older (the demo holds some).
      const today = todayInSweden();
      const pick = demoIdentityNumbers(new Date()).filter((x) => !used.has(x) && withinKaaAge(birthDateOf(x), today))[
        n
      ];
      if (!pick) throw new Error(`No unused test identity number #${n}`);
      return pick;
    },
  };
}

/**
 * The system Chromium: the one the project's global set-up started for every spec file (demo-template.ts),
 * connected to, or when there is none a new one. Closing a connected browser closes the contexts this
 * file made and leaves the browser to the other files.
 */
export function launchBrowser(): Promise<Browser> {
  const shared = inject('browserEndpoint');
  return shared ? chromium.connect(shared) : chromium.launch(CHROMIUM_OPTIONS);
}

/** A fresh context and page for one test; page errors (uncaught exceptions) are collected in `errors`. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

/**
 * Signs in through the sign-in form and waits for the start page (or wherever it redirects). For the
 * specs about signing in itself; every other test signs in with `signIn`.
 */
export async function signInWithForm(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/E-postadress|E-mail address/).fill(email);
  await page.getByLabel(/^(Lösenord|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Logga in|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Signs `email` in and opens the start page. With the demo password the page's browser context signs in
 * through the API (the session cookie lands in the context) and loads the start page once, instead of
 * loading the sign-in page, filling it in and being sent on; the form itself is tested in auth.spec.ts.
 * Any other password (a one-time password leads to the change-password page) goes through the form.
 * Each test still gets its own session: no test can end one that another test uses.
 */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  if (password !== DEMO_PASSWORD) return signInWithForm(page, email, password);
  const login = await page.context().request.post('/api/v1/auth/login', { data: { email, password } });
  if (!login.ok()) throw new Error(`Sign-in as ${email} failed: ${login.status()} ${await login.text()}`);
  await page.goto('/');
  // The session is read after the page loads: wait for the menu it draws, as the form path waits for its redirect.
  await page.locator('.main-nav').first().waitFor();
}

/**
 * Signs `email` in (with the demo password, through the API as `signIn` does) and opens `to` rather than the start
 * page first: the test waits for what it expects there.
 */
export async function signInAt(page: Page, email: string, to: string): Promise<void> {
  const login = await page.context().request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`Sign-in as ${email} failed: ${login.status()} ${await login.text()}`);
  await page.goto(to);
}

/** An API client signed in as `email`, sending the CSRF token on every request. */
export async function apiAs(
  baseUrl: string,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<{
  api: APIRequestContext;
  csrf: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any API answer; specs read the fields they need
  send: (method: 'POST' | 'PATCH' | 'PUT', url: string, data?: unknown) => Promise<{ status: number; body: any }>;
}> {
  const api = await playwrightRequest.newContext({ baseURL: baseUrl });
  const login = await api.post('/api/v1/auth/login', { data: { email, password } });
  if (!login.ok()) throw new Error(`API sign-in as ${email} failed: ${login.status()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const send = async (method: 'POST' | 'PATCH' | 'PUT', url: string, data?: unknown) => {
    const response = await api.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : null };
  };
  return { api, csrf: csrfToken, send };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
/** The browser contexts that load axe into every page (see `expectNoAxeViolations`). */
const contextsWithAxe = new WeakSet<BrowserContext>();

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and fails with the rule ids and targets of
 * any violation. axe is evaluated in the page rather than added as a <script> tag, because
 * Lotsa's Content-Security-Policy (script-src 'self') rightly blocks injected inline scripts.
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  // After a context's first check, axe is added to every page it loads before the page's own scripts: compiling it
  // there costs a navigation about a tenth of a second, handing it to a loaded page one to two seconds (load 10).
  // axe stays loaded until the page navigates: a second check on the same page does not load it again.
  const context = page.context();
  if (!contextsWithAxe.has(context)) {
    contextsWithAxe.add(context);
    await context.addInitScript({ content: AXE_SOURCE });
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only the violations are read: axe then gives every other result one node at most, which is faster.
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  if (violations.length)
    console.error(
      `axe violations on ${label}:\n` +
        violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n'),
    );
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/**
 * Starts one server and one browser for the spec file before its tests and stops them after;
 * read them from the returned object inside tests.
 */
export function serverAndBrowser(): { lotsa: Lotsa; browser: Browser } {
  const spec = {} as { lotsa: Lotsa; browser: Browser };
  beforeAll(async () => {
    [spec.lotsa, spec.browser] = await Promise.all([startLotsa(), launchBrowser()]);
  });
  afterAll(async () => {
    await spec.browser?.close();
    await spec.lotsa?.stop();
  });
  return spec;
}
