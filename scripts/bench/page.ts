import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.ts';
import type { Stack } from '../stack.ts';

interface PageFigures {
  bytesGzip: number;
  ttfbMs: number;
  interactiveMs: number;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/**
 * One page as a visitor's browser sees it: the gzip weight of all HTML, CSS and JS it loads until
 * the network is quiet (gzipped here,
 * as a production server would; `php -S` sends them plain), time to first byte, and time from
 * navigation start until `ready` resolves (the form can take typing). The first load warms PHP
 * and is not counted.
 */
async function measure(browser: Browser, url: string, ready: string, loads: number): Promise<PageFigures> {
  const ttfb: number[] = [];
  const interactive: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies: Array<Promise<number>> = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'document' || type === 'script' || type === 'stylesheet') {
        bodies.push(
          response.body().then(
            (b) => gzipSync(b, { level: 6 }).length,
            () => 0,
          ),
        );
      }
    });
    await page.goto(url);
    await page.locator(ready).first().waitFor();
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { ttfb: nav.responseStart - nav.startTime, now: performance.now() };
    });
    // Everything the page fetches counts, also what it loads after `load` (wp-login.php's zxcvbn).
    await page.waitForLoadState('networkidle');
    const total = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
    if (i > 0) {
      ttfb.push(t.ttfb);
      interactive.push(t.now);
      bytes = total;
    }
    await context.close();
  }
  return { bytesGzip: bytes, ttfbMs: median(ttfb), interactiveMs: median(interactive) };
}

/** The profile page against WordPress's own wp-login.php form, same WordPress, same run. */
export async function measurePage(stack: Stack, opts: { loads: number }) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const profile = await measure(
      browser,
      `${stack.wordpressUrl}/workos/login/default`,
      'workos-login >> input[name="email"]',
      opts.loads,
    );
    const native = await measure(
      browser,
      `${stack.wordpressUrl}/wp-login.php?workos-native=1`,
      '#user_login',
      opts.loads,
    );
    return {
      profile_page_bytes_gzip: profile.bytesGzip,
      wp_login_page_bytes_gzip: native.bytesGzip,
      profile_page_ttfb_ms: profile.ttfbMs,
      wp_login_page_ttfb_ms: native.ttfbMs,
      profile_page_interactive_ms: profile.interactiveMs,
      wp_login_page_interactive_ms: native.interactiveMs,
    };
  } finally {
    await browser.close();
  }
}
