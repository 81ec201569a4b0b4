import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../tests/e2e/chromium.ts';
import type { Stack } from '../stack.ts';

/** The sign-in page as a visitor's browser sees it: first byte, and the form ready to type in. */
export async function measurePage(stack: Stack, opts: { loads: number }) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const ttfb: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i <= opts.loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${stack.wordpressUrl}/workos/login/default`);
      await page.locator('workos-login').getByLabel('Email').waitFor();
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { ttfb: nav.responseStart - nav.startTime, now: performance.now() };
      });
      if (i > 0) {
        // The first load warms PHP's opcode cache and is not counted.
        ttfb.push(t.ttfb);
        ready.push(t.now);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { page_login_ttfb_p50_ms: median(ttfb), page_login_interactive_p50_ms: median(ready) };
}
