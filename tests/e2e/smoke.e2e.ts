import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSession, type Session } from './support/browser';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

it('serves the app from dist/', async () => {
  await s.page.goto(s.baseURL);
  await expect(s.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('social-map');
  expect(s.foreignRequests).toEqual([]);
  expect(s.errors).toEqual([]);
});
