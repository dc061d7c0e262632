import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, expectNoAxeViolations, openPage, serverAndBrowser, signIn, signInAt, skipE2E } from './fixtures.js';

/**
 * What spills: the page scrolling sideways, and any element whose content is wider than its box
 * (cut off, or running over its neighbours). A table may scroll inside its own frame on a phone, not at 1366 px.
 */
async function overflows(page: Page, wide: boolean): Promise<string[]> {
  return page.evaluate((wideScreen) => {
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) found.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *, header *'))) {
      if (el.closest('.visually-hidden') || el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.position === 'absolute') continue;
      const scrollsByDesign = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (scrollsByDesign && !wideScreen) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const classes =
          el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}`;
        found.push(`${name} ${el.scrollWidth} > ${el.clientWidth}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
      }
    }
    return found;
  }, wide);
}

const PAGES: { account: string; paths: string[] }[] = [
  {
    account: ACCOUNTS.coordinator,
    paths: ['/', '/my-cases', '/persons', '/queues', '/queues/not-contacted', '/applications'],
  },
  { account: ACCOUNTS.administrator, paths: ['/', '/admin/staff', '/admin/units'] },
  { account: ACCOUNTS.youthCoach, paths: ['/', '/my-cases'] },
];

describe.skipIf(skipE2E)('[layout]: every role sees whole pages at 1366 px and on a phone', () => {
  const spec = serverAndBrowser();

  for (const { width, height, wide } of [
    { width: 1366, height: 768, wide: true },
    { width: 390, height: 844, wide: false },
  ]) {
    it(`clips nothing at ${width} px wide`, async () => {
      const { context, page, errors } = await openPage(spec.browser, spec.lotsa.baseUrl);
      await page.setViewportSize({ width, height });
      const problems: string[] = [];
      for (const { account, paths } of PAGES) {
        await context.clearCookies();
        // Signed in on the first page (the start page) rather than loading it twice.
        for (const [i, path] of paths.entries()) {
          if (i === 0) await signInAt(page, account, path);
          else await page.goto(path);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await page.waitForLoadState('networkidle');
          problems.push(...(await overflows(page, wide)).map((p) => `${account} ${path}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('groups the coordinator’s menu into named groups, usable by keyboard and without axe violations', async () => {
    const { context, page } = await openPage(spec.browser, spec.lotsa.baseUrl);
    await signIn(page, ACCOUNTS.coordinator);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    for (const group of ['Dagligt arbete', 'Registret', 'Samverkan', 'Inställningar'])
      expect(await nav.getByRole('list', { name: group }).count(), group).toBe(1);
    expect(await nav.getByRole('list', { name: 'Dagligt arbete' }).getByRole('link').allTextContents()).toContain(
      'Mina ärenden',
    );
    expect(await nav.getByRole('list', { name: 'Registret' }).getByRole('link').allTextContents()).toEqual([
      'Importera listor',
      'Stäm av registret',
    ]);
    // From the top of a freshly loaded page, Tab reaches the menu's links in order.
    await page.goto('/persons');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const focused: string[] = [];
    for (let i = 0; i < 12 && !focused.includes('Mina ärenden'); i++) {
      await page.keyboard.press('Tab');
      focused.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(focused).toContain('Mina ärenden');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/my-cases$/);
    await expectNoAxeViolations(page, 'my cases, reached by keyboard');
    await context.close();
  });
});
