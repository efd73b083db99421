// social-map analyze <datapackage.json|folder> [--region <unit_id> | --all] [--lang sq|mk|en] [--out <dir>]
//   extensions: [--distance <km>] [--decay gaussian|step|none] [--bom] [--no-documents] [--suppress <n>]
// Writes gaps.csv, presence.csv, summary.json to --out (default out/), and, when
// src/cli/documents.ts exists, hands the results to its writeDocuments() for the per-region
// documents. Exit 0 ok, 1 data error, 2 usage error.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toCsv } from '../core/csv';
import { suggestCooperation, type CooperationSuggestion } from '../core/gaps/cooperation';
import { runGaps } from '../core/gaps/engine';
import { PRESENCE_CSV_HEADER, presenceCsvRows, presenceMatrix } from '../core/gaps/presence';
import { prioritise, type Priority } from '../core/gaps/priorities';
import { GAPS_CSV_HEADER, gapsCsvRows, scopedRows, summarise, unitNamer, type AnalysisSummary } from '../core/gaps/report';
import { isActiveStatus, type Decay, type DistanceOptions, type GapResult } from '../core/gaps/types';
import type { Adjacency } from '../core/geo/adjacency';
import { unitAdjacency } from '../core/geo/unitAdjacency';
import { t } from '../core/i18n';
import { isLang, type Lang } from '../core/keys';
import type { DataPackage } from '../core/model';
import { readPackageAsync } from '../core/parse/xlsx';
import type { InputFile } from '../core/parse/types';
import { importConflicts } from '../core/docs/conflicts';
import type { DocIssue } from '../core/docs/context';
import { parsePrivacy, type PrivacyConfig } from '../core/privacy/config';

export interface AnalyzeArgs {
  input: string;
  regionId: string | null;
  lang: Lang;
  out: string;
  distance: DistanceOptions | null;
  bom: boolean;
  /** Skip the per-region documents (extension: --no-documents). */
  documents: boolean;
  /** Small-number protection in the documents (extension: --suppress <n>, as the URL's
   *  `suppress`: 1 = on with threshold 4, 2–99 = that threshold). */
  privacy: PrivacyConfig;
}

/** What the documents helper receives (src/cli/documents.ts exporting writeDocuments). */
export interface DocumentsHookInput {
  pkg: DataPackage;
  result: GapResult;
  /** Regions to write documents for (ids). */
  regionIds: string[];
  lang: Lang;
  outDir: string;
  priorities: Priority[];
  cooperation: CooperationSuggestion[];
  adjacency: Adjacency;
  summary: AnalysisSummary;
  /** Data conflicts found at import (Form 1, chapter 3). */
  importIssues: DocIssue[];
  privacy: PrivacyConfig;
}
/** Resolves to the paths it wrote (relative to outDir), or undefined. */
type WriteDocuments = (input: DocumentsHookInput) => Promise<string[] | undefined>;

export interface AnalyzeIO {
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
}

class UsageError extends Error {}

export const ANALYZE_SYNTAX =
  'social-map analyze <datapackage.json|folder> [--region <unit_id> | --all] [--lang sq|mk|en] [--out <dir>] [--distance <km>] [--decay gaussian|step|none] [--bom] [--no-documents] [--suppress <n>]';

const DATA_EXT = /\.(csv|tsv|txt|json|geojson|topojson|xlsx|xlsm)$/i;

export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  let input: string | null = null;
  let regionId: string | null = null;
  let all = false;
  let lang: Lang = 'sq';
  let out = 'out';
  let km: number | null = null;
  let decay: Decay = { kind: 'gaussian' };
  let bom = false;
  let documents = true;
  let suppress: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--region') regionId = value();
    else if (flag === '--all') all = true;
    else if (flag === '--lang') {
      const v = value();
      if (!isLang(v)) throw new UsageError(`--lang must be sq, mk or en (got ${v})`);
      lang = v;
    } else if (flag === '--out') out = value();
    else if (flag === '--distance') {
      km = Number(value());
      if (!Number.isFinite(km) || km <= 0) throw new UsageError('--distance must be a positive number of km');
    } else if (flag === '--decay') {
      const v = value();
      if (v !== 'gaussian' && v !== 'step' && v !== 'none') throw new UsageError('--decay must be gaussian, step or none');
      decay = { kind: v };
    } else if (flag === '--bom') bom = true;
    else if (flag === '--no-documents') documents = false;
    else if (flag === '--suppress') {
      suppress = value();
      if (!/^\d{1,2}$/.test(suppress) || suppress === '0') throw new UsageError('--suppress must be 1 (threshold 4) or a threshold from 2 to 99');
    }
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (input === null) input = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (input === null) throw new UsageError('missing <datapackage.json|folder>');
  if (all && regionId !== null) throw new UsageError('use either --region or --all');
  return { input, regionId, lang, out, distance: km !== null ? { maxKm: km, decay } : null, bom, documents, privacy: parsePrivacy(suppress, false) };
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The descriptor (or null) and the files to read, from a folder, a datapackage.json or one file. */
export async function loadInput(input: string): Promise<{ descriptor: unknown; files: InputFile[]; notes: string[] }> {
  const notes: string[] = [];
  let descriptorPath: string | null = null;
  let dir: string;
  if (await isDir(input)) {
    dir = input;
    const candidate = path.join(input, 'datapackage.json');
    if (await stat(candidate).then(() => true, () => false)) descriptorPath = candidate;
  } else {
    dir = path.dirname(input);
    if (path.basename(input).toLowerCase() === 'datapackage.json') descriptorPath = input;
    else return { descriptor: null, files: [{ path: path.basename(input), bytes: new Uint8Array(await readFile(input)) }], notes };
  }
  const files: InputFile[] = [];
  if (descriptorPath) {
    const text = await readFile(descriptorPath, 'utf8');
    let descriptor: unknown;
    try {
      descriptor = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    } catch (err) {
      throw new Error(`datapackage.json is not valid JSON: ${String(err).slice(0, 200)}`, { cause: err });
    }
    const resources = (descriptor as { resources?: unknown }).resources;
    const paths = new Set<string>();
    if (Array.isArray(resources))
      for (const r of resources) {
        const p = (r as { path?: unknown } | null)?.path;
        for (const one of Array.isArray(p) ? p : [p]) if (typeof one === 'string' && one) paths.add(one);
      }
    for (const p of paths) {
      if (/^[a-z]+:\/\//i.test(p)) {
        notes.push(`skipped remote resource ${p}`);
        continue;
      }
      const full = path.resolve(dir, p);
      try {
        files.push({ path: p.replace(/\\/g, '/'), bytes: new Uint8Array(await readFile(full)) });
      } catch {
        notes.push(`missing file ${p}`);
      }
    }
    return { descriptor, files, notes };
  }
  for (const name of (await readdir(dir)).sort()) {
    if (!DATA_EXT.test(name)) continue;
    const full = path.join(dir, name);
    if (await isDir(full)) continue;
    files.push({ path: name, bytes: new Uint8Array(await readFile(full)) });
  }
  return { descriptor: null, files, notes };
}

async function loadDocumentsHook(): Promise<WriteDocuments | null> {
  try {
    const spec = './documents';
    const mod = (await import(/* @vite-ignore */ spec)) as { writeDocuments?: unknown };
    return typeof mod.writeDocuments === 'function' ? (mod.writeDocuments as WriteDocuments) : null;
  } catch {
    return null;
  }
}

export async function runAnalyze(argv: string[], io: AnalyzeIO = {}): Promise<number> {
  const out = io.stdout ?? ((s: string) => process.stdout.write(s));
  const err = io.stderr ?? ((s: string) => process.stderr.write(s));
  const started = performance.now();
  let args: AnalyzeArgs;
  try {
    args = parseAnalyzeArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`${t('en', 'gaps.cli.usage_error', { detail: e.message })}\n${t('en', 'gaps.cli.usage', { syntax: ANALYZE_SYNTAX })}\n`);
    return 2;
  }
  const lang = args.lang;
  let loaded;
  try {
    loaded = await loadInput(args.input);
  } catch (e) {
    err(`${t(lang, 'gaps.cli.read_failed', { path: args.input, detail: e instanceof Error ? e.message : String(e) })}\n`);
    return 1;
  }
  for (const n of loaded.notes) err(`${n}\n`);
  const { pkg, report } = await readPackageAsync(loaded.descriptor, loaded.files);
  const errors = report.files.reduce((k, f) => k + f.issues.filter((i) => i.severity === 'error').length, 0);
  if (errors > 0) err(`${t(lang, 'gaps.cli.data_issues', { n: errors })}\n`);
  if (pkg.units.length === 0) {
    err(`${t(lang, 'gaps.cli.no_units', { path: args.input })}\n`);
    return 1;
  }
  if (args.regionId !== null && !pkg.units.some((u) => u.id === args.regionId)) {
    err(`${t(lang, 'gaps.cli.unknown_region', { id: args.regionId })}\n`);
    return 2;
  }

  const t0 = performance.now();
  const result = runGaps(pkg, args.distance ? { distance: args.distance } : {});
  const engineMs = performance.now() - t0;

  const name = unitNamer(pkg, lang);
  const rows = scopedRows(result, { regionId: args.regionId });
  const leafSet = new Set(result.unitIds);
  const scopeUnits = rows.filter((r) => r.level === 'unit').map((r) => r.unitId);
  const scopeRegions = rows.filter((r) => r.level === 'region').map((r) => r.unitId);
  const presenceUnits = [...new Set([...scopeUnits, ...scopeRegions])];
  const presence = presenceMatrix(pkg, presenceUnits);
  const adjacency = unitAdjacency(pkg.units, leafSet);
  const priorities = prioritise(pkg, result, { adjacency, ...(args.regionId ? { regionId: args.regionId } : {}) });
  const cooperation = suggestCooperation(pkg, result, adjacency, args.regionId ? { regionId: args.regionId } : {});

  await mkdir(args.out, { recursive: true });
  const csvOpts = { bom: args.bom };
  await writeFile(path.join(args.out, 'gaps.csv'), toCsv(GAPS_CSV_HEADER, gapsCsvRows(rows, name), csvOpts));
  await writeFile(path.join(args.out, 'presence.csv'), toCsv(PRESENCE_CSV_HEADER, presenceCsvRows(presence), csvOpts));
  const activeServices = pkg.services.filter((s) => isActiveStatus(s.status)).length;
  const summary = summarise(pkg, result, { regionId: args.regionId, lang, engineMs, totalMs: performance.now() - started, activeServices });
  const written = ['gaps.csv', 'presence.csv', 'summary.json'];

  // Documents (<region>/social-map.docx, proposal.docx, social-map.html) come from another module.
  const writeDocuments = args.documents ? await loadDocumentsHook() : null;
  if (writeDocuments) {
    const regionIds = args.regionId ? [args.regionId] : scopeRegions.filter((id, i, a) => a.indexOf(id) === i);
    const docs = await writeDocuments({ pkg, result, regionIds, lang, outDir: args.out, priorities, cooperation, adjacency, summary, importIssues: importConflicts(report), privacy: args.privacy });
    if (Array.isArray(docs)) written.push(...docs);
  } else if (args.documents) err(`${t(lang, 'gaps.cli.no_documents', { files: written.join(', ') })}\n`);

  summary.runTimeMs.total = performance.now() - started;
  await writeFile(path.join(args.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  out(
    `${t(lang, 'gaps.cli.done', {
      out: args.out,
      files: written.join(', '),
      units: summary.counts.units,
      deserts: summary.totals.deserts,
      ms: Math.round(engineMs),
    })}\n`,
  );
  return 0;
}
