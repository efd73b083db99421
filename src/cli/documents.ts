// Writes the two documents per region for `social-map analyze`:
//   <out>/<region_id>/social-map.docx, proposal.docx, social-map.html (and proposal.html).
// Called by src/cli/analyze.ts through its documents hook (one object argument, several regions),
// or directly: writeDocuments(pkg, regionId, lang, outDir). Returns the paths written, relative
// to outDir.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildContext, type DocIssue, type DocOptions } from '../core/docs/context';
import { buildForm1 } from '../core/docs/form1';
import { buildForm2 } from '../core/docs/form2';
import type { FieldEdits } from '../core/docs/model';
import type { ProposalEdits } from '../core/docs/proposal';
import type { CooperationSuggestion } from '../core/gaps/cooperation';
import type { Priority } from '../core/gaps/priorities';
import type { GapResult } from '../core/gaps/types';
import { t } from '../core/i18n';
import type { Lang } from '../core/keys';
import type { DataPackage } from '../core/model';
import type { PrivacyConfig } from '../core/privacy/config';
import { renderDocx } from '../render/docx';
import { renderHtml } from '../render/html';

/** What analyze.ts hands over (structurally its DocumentsHookInput, plus optional extras). */
export interface DocumentsInput {
  pkg: DataPackage;
  result?: GapResult;
  regionIds: string[];
  lang: Lang;
  outDir: string;
  priorities?: Priority[];
  cooperation?: CooperationSuggestion[];
  /** Issues found at import, listed as data conflicts in Form 1, chapter 3. */
  importIssues?: DocIssue[];
  /** ISO date for the header; default today. */
  date?: string;
  /** The council's edits, when there are any (the app's workspace). */
  form1Edits?: FieldEdits;
  form2Edits?: ProposalEdits;
  /** Small-number protection (analyze --suppress). */
  privacy?: PrivacyConfig;
}

export interface WriteOptions {
  date?: string;
  importIssues?: DocIssue[];
  form1Edits?: FieldEdits;
  form2Edits?: ProposalEdits;
  privacy?: PrivacyConfig;
}

/** A region id as a folder name: ids are data, so nothing that could climb out of `out`. */
export function safeDirName(id: string): string {
  const s = id.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_').slice(0, 120);
  return s === '' ? '_' : s;
}

const today = (): string => new Date().toISOString().slice(0, 10);

async function writeRegion(pkg: DataPackage, regionId: string, lang: Lang, outDir: string, o: WriteOptions & Partial<DocumentsInput>): Promise<string[]> {
  const opts: DocOptions = { lang, regionId, date: o.date ?? today() };
  if (o.result) opts.gaps = o.result;
  if (o.priorities) opts.priorities = o.priorities;
  if (o.cooperation) opts.cooperation = o.cooperation;
  if (o.importIssues) opts.importIssues = o.importIssues;
  if (o.privacy) opts.privacy = o.privacy;
  const ctx = buildContext(pkg, opts);
  const f1 = buildForm1(ctx, o.form1Edits);
  const f2 = buildForm2(ctx, o.form2Edits).doc;
  const pageLabel = t(lang, 'docs.page');
  const figureUnavailable = t(lang, 'docs.figure_unavailable');
  const dir = safeDirName(regionId);
  await mkdir(path.join(outDir, dir), { recursive: true });
  const files: [string, Uint8Array | string][] = [
    ['social-map.docx', await renderDocx(f1, { pageLabel, figureUnavailable })],
    ['proposal.docx', await renderDocx(f2, { pageLabel, figureUnavailable })],
    ['social-map.html', renderHtml(f1, { pageLabel, figureUnavailable })],
    ['proposal.html', renderHtml(f2, { pageLabel, figureUnavailable })],
  ];
  for (const [name, data] of files) await writeFile(path.join(outDir, dir, name), data);
  return files.map(([name]) => `${dir}/${name}`);
}

/**
 * Both documents for each region. Either `writeDocuments(input)` (the analyze hook) or
 * `writeDocuments(pkg, regionId, lang, outDir, options?)`.
 */
export async function writeDocuments(input: DocumentsInput): Promise<string[]>;
export async function writeDocuments(pkg: DataPackage, regionId: string, lang: Lang, outDir: string, o?: WriteOptions): Promise<string[]>;
export async function writeDocuments(a: DocumentsInput | DataPackage, regionId?: string, lang?: Lang, outDir?: string, o: WriteOptions = {}): Promise<string[]> {
  if ('regionIds' in a) {
    const out: string[] = [];
    for (const id of a.regionIds) out.push(...(await writeRegion(a.pkg, id, a.lang, a.outDir, a)));
    return out;
  }
  if (regionId === undefined || lang === undefined || outDir === undefined) throw new Error('writeDocuments(pkg, regionId, lang, outDir)');
  return writeRegion(a, regionId, lang, outDir, o);
}
