/**
 * The system Chromium the end-to-end specs drive through playwright-core: where it is, how it starts, and
 * whether the specs run at all. Apart from the fixtures, so that the project's global set-up can use it.
 */
import { existsSync } from 'node:fs';

/** Where Debian installs Chromium; the specs drive it through playwright-core. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * True when the e2e suites must be skipped (no Chromium on a developer machine). On CI a missing
 * Chromium is an error, so a broken image never passes by skipping every browser test.
 */
export const skipE2E = (() => {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env.CI)
    throw new Error(
      `End-to-end specs need Chromium at ${CHROMIUM_PATH} on CI. Install it with: apt-get install -y chromium`,
    );
  console.warn(`\n⚠ Skipping end-to-end specs: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).\n`);
  return true;
})();

/** How the specs start the system Chromium: headless, quiet, without a sandbox (CI runs as root). */
export const CHROMIUM_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
