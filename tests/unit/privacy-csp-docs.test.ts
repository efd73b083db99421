import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_CSP } from '../e2e/support/csp-server';

const root = join(__dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('the documented Content-Security-Policy is the tested one', () => {
  it('README (header, nginx, Apache) and public/_headers carry exactly the policy the CSP e2e test serves', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Deploying: Content-Security-Policy and embedding'));
    expect(section.length).toBeGreaterThan(100);
    const found = [...section.matchAll(/default-src[^"\n]*/g)].map((m) => m[0].trim());
    expect(found.length).toBe(3);
    for (const p of found) expect(p).toBe(DOCUMENTED_CSP);
    const headers = read('public/_headers');
    expect(headers).toContain(`Content-Security-Policy: ${DOCUMENTED_CSP}\n`);
  });

  it('has no unsafe-inline, no unsafe-eval and no blob: worker', () => {
    expect(DOCUMENTED_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(DOCUMENTED_CSP).toMatch(/worker-src 'self';/);
    expect(DOCUMENTED_CSP).toMatch(/frame-ancestors \*$/);
  });
});
