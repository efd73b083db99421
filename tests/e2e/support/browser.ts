// The only file that touches Playwright directly. Specs use the driver (driver.ts).
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium';

export interface Session {
  browser: Browser;
  page: Page;
  baseURL: string;
  /** Requests that left the page's own origin. */
  foreignRequests: string[];
  /** console.error messages and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

export async function openSession(opts: { viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const baseURL = inject('baseURL');
  const browser = await chromium.launch({ executablePath: chromiumPath() ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  const origin = new URL(baseURL).origin;
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) foreignRequests.push(u);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return {
    browser,
    page,
    baseURL,
    foreignRequests,
    errors,
    close: () => browser.close(),
  };
}
