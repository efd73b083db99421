import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { runAnalyze } from '../../src/cli/analyze';
import { safeDirName, writeDocuments } from '../../src/cli/documents';
import { docsPackage } from '../fixtures/docs/package';

const dirs: string[] = [];
const tmp = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'social-map-docs-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('writeDocuments', () => {
  it('writes the two DOCX and the HTML per region, which open as documents', async () => {
    const out = await tmp();
    const written = await writeDocuments(docsPackage(), 'NE', 'sq', out, { date: '2024-05-01' });
    expect(written).toEqual(['NE/social-map.docx', 'NE/proposal.docx', 'NE/social-map.html', 'NE/proposal.html']);
    const f1 = await mammoth.convertToHtml({ buffer: await readFile(path.join(out, 'NE/social-map.docx')) });
    expect(f1.value).toContain('<h1>1. Hyrje</h1>');
    const f2 = await mammoth.convertToHtml({ buffer: await readFile(path.join(out, 'NE/proposal.docx')) });
    expect(f2.value).toContain('<h2>1. Rajoni i planifikimit</h2>');
    const html = await readFile(path.join(out, 'NE/social-map.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="sq">');
  });

  it('takes the analyze hook form for several regions and keeps region ids inside the output folder', async () => {
    const out = await tmp();
    const pkg = docsPackage();
    for (const u of pkg.units) if (u.id === 'E') u.id = '../E';
    for (const u of pkg.units) if (u.parentId === 'E') u.parentId = '../E';
    const written = await writeDocuments({ pkg, regionIds: ['NE', '../E'], lang: 'en', outDir: out, date: '2024-05-01' });
    expect(written.filter((p) => p.endsWith('.docx'))).toEqual(['NE/social-map.docx', 'NE/proposal.docx', '__E/social-map.docx', '__E/proposal.docx']);
    expect((await readdir(out)).sort()).toEqual(['NE', '__E']);
    expect(safeDirName('..')).toBe('_');
    expect(safeDirName('a/../../b')).toBe('a_.._.._b');
  });

  it('is called by `social-map analyze` for the region', async () => {
    const out = await tmp();
    const logs: string[] = [];
    const code = await runAnalyze(['tests/fixtures/gaps/pkg', '--region', 'R1', '--lang', 'mk', '--out', out], { stdout: (s) => logs.push(s), stderr: (s) => logs.push(s) });
    expect(code, logs.join('')).toBe(0);
    const files = await readdir(path.join(out, 'R1'));
    expect(files.sort()).toEqual(['proposal.docx', 'proposal.html', 'social-map.docx', 'social-map.html']);
    const { value } = await mammoth.convertToHtml({ buffer: await readFile(path.join(out, 'R1/social-map.docx')) });
    expect(value).toContain('<h1>1. Вовед</h1>');
  });
});

describe('data conflicts found at import, in Form 1 chapter 3', () => {
  it('`social-map analyze` lists the first rows of each kind and counts the rest', async () => {
    const src = 'tests/fixtures/gaps/pkg';
    const pkgDir = await tmp();
    for (const f of await readdir(src)) await writeFile(path.join(pkgDir, f), await readFile(path.join(src, f)));
    const extra = Array.from({ length: 7 }, (_, i) => `Nowhere${i + 1},elderly,10,2023,count,test`).join('\n');
    await writeFile(path.join(pkgDir, 'indicators.csv'), `${(await readFile(path.join(src, 'indicators.csv'), 'utf8')).trimEnd()}\n${extra}\n`);
    const out = await tmp();
    const logs: string[] = [];
    await runAnalyze([pkgDir, '--region', 'R1', '--lang', 'en', '--out', out], { stdout: (s) => logs.push(s), stderr: (s) => logs.push(s) });
    const html = await readFile(path.join(out, 'R1/social-map.html'), 'utf8');
    const notes = html.match(/Data conflict: [^<]*/g) ?? [];
    expect(notes[0], logs.join('')).toBe('Data conflict: This row repeats row 3 (M1 elderly); the first is used. (indicators.csv #12)');
    const unmatched = notes.filter((n) => n.includes('No unit matches'));
    expect(unmatched.map((n) => /#(\d+)\)$/.exec(n)?.[1])).toEqual(['17', '18', '19', '20', '21']);
    expect(notes).toContain('Data conflict: 2 more rows of the same kind in indicators.csv (see the import report).');
  });
});

describe('social-map analyze --suppress', () => {
  it('writes "–" for the small counts of the Regional Social Map, with a note; refuses a bad threshold', async () => {
    const logs: string[] = [];
    const io = { stdout: (x: string) => logs.push(x), stderr: (x: string) => logs.push(x) };
    const open = await tmp();
    expect(await runAnalyze(['tests/fixtures/embed', '--region', 'EX1', '--lang', 'en', '--out', open], io), logs.join('')).toBe(0);
    const shut = await tmp();
    expect(await runAnalyze(['tests/fixtures/embed', '--region', 'EX1', '--lang', 'en', '--out', shut, '--suppress', '1'], io), logs.join('')).toBe(0);
    const note = /Small-number protection: \d+ values in this table/;
    expect(await readFile(path.join(open, 'EX1/social-map.html'), 'utf8')).not.toMatch(note);
    expect(await readFile(path.join(shut, 'EX1/social-map.html'), 'utf8')).toMatch(note);
    expect(await runAnalyze(['tests/fixtures/embed', '--suppress', '0'], io)).toBe(2);
    expect(await runAnalyze(['tests/fixtures/embed', '--suppress', 'x'], io)).toBe(2);
  });
});
