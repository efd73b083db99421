// The validate command as users run it: node scripts/social-map.mjs validate … (spawned).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fx = 'tests/fixtures/import';
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/social-map.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

interface Json {
  ok: boolean;
  files: { path: string; resource: string | null; encoding: string | null; delimiter: string | null; decimal: string | null; rows: number; issues: { severity: string; code: string; row: number | null; column: string | null; message: string }[] }[];
  join: { matched: number; unmatched: { path: string; row: number; key: string }[]; duplicates: unknown[]; fuzzy: { key: string; unit_id: string; method: string }[] };
}

describe('social-map validate', () => {
  it('prints the contract JSON for a package folder plus an extra file, exit 1 on data errors', () => {
    const r = run('validate', `${fx}/pkg-mk`, `${fx}/mk-windows-1251-semicolon.csv`, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.ok).toBe(false);
    expect(j.files.map((f) => [f.path, f.resource])).toEqual([
      [`${fx}/pkg-mk/datapackage.json`, null],
      [`${fx}/pkg-mk/units.geojson`, 'units'],
      [`${fx}/pkg-mk/indicators.csv`, 'indicators'],
      [`${fx}/pkg-mk/services.csv`, 'services'],
      [`${fx}/mk-windows-1251-semicolon.csv`, 'indicators'],
    ]);
    const extra = j.files[4];
    expect(extra).toMatchObject({ encoding: 'windows-1251', delimiter: ';', decimal: ',', rows: 7 });
    expect(extra?.issues[0]).toEqual({
      severity: 'error',
      code: 'unit_unmatched',
      row: 7,
      column: 'unit_name',
      message: 'No unit matches "Другово".',
      params: { key: 'Другово' },
    });
    expect(j.join.matched).toBe(80 + 3 + 5);
    expect(j.join.unmatched.map((u) => [u.path, u.row, u.key])).toEqual([
      [`${fx}/mk-windows-1251-semicolon.csv`, 7, 'Другово'],
      [`${fx}/mk-windows-1251-semicolon.csv`, 8, 'Осломеј'],
    ]);
    expect(j.join.duplicates).toEqual([]);
    expect(j.join.fuzzy.map((f) => [f.key, f.unit_id, f.method])).toEqual([
      ['Општина Кичево', 'MK00307', 'prefix'],
      ['ШУТО ОРИЗАРИ', 'MK00817', 'folded'],
    ]);
  });

  it('exits 0 on a clean package (warnings allowed), given as datapackage.json', () => {
    const r = run('validate', `${fx}/pkg-mk/datapackage.json`, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Json).ok).toBe(true);
  });

  it('writes messages in the language asked for', () => {
    const r = run('validate', `${fx}/mk-units.geojson`, `${fx}/mk-windows-1251-semicolon.csv`, '--json', '--lang', 'mk');
    const j = JSON.parse(r.stdout) as Json;
    expect(j.files[1]?.issues[0]?.message).toBe('Ниту една единица не одговара на „Другово“.');
  });

  it('prints a readable report without --json', () => {
    const r = run('validate', `${fx}/mk-units.geojson`, `${fx}/mk-windows-1251-semicolon.csv`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('mk-windows-1251-semicolon.csv: indicators, 7 rows, encoding windows-1251, delimiter ;, decimal ,');
    expect(r.stdout).toContain('row 7 [unit_name]: No unit matches "Другово". (unit_unmatched)');
  });

  it('exits 2 on usage errors', () => {
    expect(run('validate').code).toBe(2);
    expect(run('validate', 'no/such/file.csv').code).toBe(2);
    const bad = run('validate', `${fx}/pipe.csv`, '--frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option: --frobnicate');
    expect(run('no-such-command').code).toBe(2);
  });

  it('takes an encoding override from the command line', () => {
    const r = run('validate', `${fx}/mk-windows-1251-semicolon.csv`, '--encoding', 'windows-1250', '--json');
    const j = JSON.parse(r.stdout) as Json;
    expect(j.files[0]?.encoding).toBe('windows-1250');
  });
});
