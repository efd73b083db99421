import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAnalyzeArgs, runAnalyze } from '../../src/cli/analyze';

const PKG = path.resolve('tests/fixtures/gaps/pkg');
const dirs: string[] = [];
const tmp = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'gaps-cli-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const run = async (argv: string[], documents = false) => {
  if (!documents) argv = [...argv, '--no-documents'];
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAnalyze(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
};
const csv = async (file: string) => Papa.parse<Record<string, string>>((await readFile(file, 'utf8')).trimEnd(), { header: true }).data;

describe('social-map analyze', () => {
  it('writes gaps.csv, presence.csv and summary.json for the whole package', async () => {
    const out = await tmp();
    const r = await run([PKG, '--all', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('gaps.csv');
    const gaps = await csv(path.join(out, 'gaps.csv'));
    const header = Object.keys(gaps[0] ?? {});
    expect(header.slice(0, 11)).toEqual(['region_id', 'unit_id', 'unit_name', 'service', 'category', 'need', 'supply', 'coverage', 'gap', 'desert', 'capacity_unknown']);
    // 5 municipalities × 3 norms + 2 regions × 3 norms
    expect(gaps).toHaveLength(21);
    const m3 = gaps.find((g) => g.unit_id === 'M3' && g.service === 'day_care' && g.category === 'elderly');
    expect(m3).toMatchObject({ region_id: 'R1', need: '6', supply: '0', coverage: '0', gap: '6', desert: 'true', capacity_unknown: 'false' });
    const r1 = gaps.find((g) => g.unit_id === 'R1' && g.service === 'day_care' && g.category === 'elderly');
    expect(r1).toMatchObject({ region_id: 'R1', level: 'region', need: '36', supply: '30', coverage: '0.8333', gap: '9.3333', desert: 'false' });
    const m3p = gaps.find((g) => g.unit_id === 'M3' && g.category === 'persons_with_disabilities');
    expect(m3p?.capacity_unknown).toBe('true');
    // no figures for M5: need and gap empty, not 0
    expect(gaps.find((g) => g.unit_id === 'M5' && g.service === 'home_care')).toMatchObject({ need: '', gap: '', coverage: '', need_known: 'false' });

    const presence = await csv(path.join(out, 'presence.csv'));
    expect(Object.keys(presence[0] ?? {}).slice(0, 4)).toEqual(['unit_id', 'service', 'count', 'capacity']);
    expect(presence.find((p) => p.unit_id === 'M2' && p.service === 'day_care')).toMatchObject({ count: '2', capacity: '40' });
    expect(presence.find((p) => p.unit_id === 'M3' && p.service === 'day_care')).toMatchObject({ count: '1', capacity: '' });

    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(summary.counts).toMatchObject({ units: 5, regions: 2, services: 8, activeServices: 6, unitRows: 15, regionRows: 6 });
    // deserts (unit × service) per region and category: R1 elderly M1 home care + M3 day care; R2 M4 day care ×2
    expect(summary.deserts).toEqual({ R1: { elderly: 2 }, R2: { elderly: 1, persons_with_disabilities: 1 } });
    expect(summary.totals).toMatchObject({ deserts: 4 });
    expect((summary.runTimeMs as { engine: number }).engine).toBeGreaterThanOrEqual(0);
  });

  it('--region limits the rows; --lang picks unit names', async () => {
    const out = await tmp();
    const r = await run([PKG, '--region', 'R1', '--out', out, '--lang', 'mk']);
    expect(r.code).toBe(0);
    const gaps = await csv(path.join(out, 'gaps.csv'));
    expect(new Set(gaps.map((g) => g.unit_id))).toEqual(new Set(['M1', 'M2', 'M3', 'R1']));
    expect(gaps.find((g) => g.unit_id === 'M1')?.unit_name).toBe('Име М1');
    const presence = await csv(path.join(out, 'presence.csv'));
    expect(new Set(presence.map((p) => p.unit_id))).toEqual(new Set(['M1', 'M2', 'M3', 'R1']));
  });

  it('distance mode adds nearest_km (extension flag)', async () => {
    const out = await tmp();
    expect((await run([PKG, '--out', out, '--distance', '15', '--decay', 'step'])).code).toBe(0);
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')) as { distance: unknown };
    expect(summary.distance).toEqual({ maxKm: 15, decay: { kind: 'step' } });
  });

  it('neutralises formulas coming from the data', async () => {
    const src = await tmp();
    await cp(PKG, src, { recursive: true });
    const units = (await readFile(path.join(src, 'units.geojson'), 'utf8')).replace('"name":"Name M2"', '"name":"=HYPERLINK(\\"http://x\\")"');
    await writeFile(path.join(src, 'units.geojson'), units);
    const out = await tmp();
    expect((await run([src, '--out', out])).code).toBe(0);
    const text = await readFile(path.join(out, 'gaps.csv'), 'utf8');
    expect(text).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('usage errors exit 2, unreadable or empty input exits 1', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([PKG, '--lang', 'de'])).code).toBe(2);
    expect((await run([PKG, '--region', 'R1', '--all'])).code).toBe(2);
    expect((await run([PKG, '--bogus'])).code).toBe(2);
    const out = await tmp();
    const unknown = await run([PKG, '--region', 'NOPE', '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('NOPE');
    const empty = await tmp();
    expect((await run([empty, '--out', out])).code).toBe(1);
  });

  it('hands the results to the documents module when it exists (per-region files)', async () => {
    const out = await tmp();
    const r = await run([PKG, '--region', 'R2', '--out', out, '--lang', 'en'], true);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(out, 'gaps.csv'))).toBe(true);
    if (existsSync(path.resolve('src/cli/documents.ts'))) {
      for (const f of ['social-map.docx', 'proposal.docx', 'social-map.html']) expect(existsSync(path.join(out, 'R2', f)), f).toBe(true);
      expect(existsSync(path.join(out, 'R1'))).toBe(false);
    } else expect(r.err).toContain('Documents module not available');
  }, 120_000);

  it('runs through the command dispatcher (node scripts/social-map.mjs analyze …)', async () => {
    const out = await tmp();
    const p = spawnSync(process.execPath, ['scripts/social-map.mjs', 'analyze', PKG, '--out', out, '--lang', 'en', '--no-documents'], { encoding: 'utf8', timeout: 60_000 });
    expect(p.status, p.stderr).toBe(0);
    expect(existsSync(path.join(out, 'gaps.csv'))).toBe(true);
    const bad = spawnSync(process.execPath, ['scripts/social-map.mjs', 'analyze', PKG, '--lang', 'xx'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
  }, 150_000);

  it('parses flags in both --flag value and --flag=value forms', () => {
    expect(parseAnalyzeArgs(['x', '--out=o', '--lang=en', '--region=R2'])).toMatchObject({ input: 'x', out: 'o', lang: 'en', regionId: 'R2', distance: null, bom: false });
    expect(parseAnalyzeArgs(['x'])).toMatchObject({ out: 'out', lang: 'sq', regionId: null, documents: true });
    expect(parseAnalyzeArgs(['x', '--no-documents']).documents).toBe(false);
  });
});
