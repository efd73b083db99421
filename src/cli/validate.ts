// social-map validate <file|folder|datapackage.json>… [--json] [--lang sq|mk|en]
//   extensions: [--encoding <label>] [--crs <epsg>] [--region <unit_id>]
// Reads with the same core as the app (readPackageAsync), prints the report. Exit 0: no errors;
// 1: data errors; 2: usage error. JSON shape: CONTRACT.md section 4 (plus extra fields).
import { t } from '../core/i18n';
import { isLang, type Lang } from '../core/keys';
import { encodingName } from '../core/parse/decode';
import { issueMessage } from '../core/parse/messages';
import type { ImportIssue, ImportReport, ReadOptions } from '../core/parse/types';
import { readPackageAsync } from '../core/parse/xlsx';
import { UsageError, collectInputs } from './files';

export const VALIDATE_USAGE =
  'usage: social-map validate <file|folder|datapackage.json>… [--json] [--lang sq|mk|en] [--encoding <label>] [--crs <epsg>] [--region <unit_id>]';

export interface ValidateArgs {
  paths: string[];
  json: boolean;
  lang: Lang;
  options: ReadOptions;
}

export function parseValidateArgs(argv: string[]): ValidateArgs {
  const a: ValidateArgs = { paths: [], json: false, lang: 'en', options: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--json') a.json = true;
    else if (arg === '--lang') {
      const l = value();
      if (!isLang(l)) throw new UsageError(`--lang must be sq, mk or en`);
      a.lang = l;
    } else if (arg === '--encoding') {
      const e = value();
      if (!encodingName(e)) throw new UsageError(`unknown encoding: ${e}`);
      a.options.encoding = e;
    } else if (arg === '--crs') {
      const c = Number(value().replace(/^EPSG:/i, ''));
      if (!Number.isInteger(c)) throw new UsageError('--crs must be an EPSG code');
      a.options.crs = c;
    } else if (arg === '--region') a.options.region = value();
    else if (arg.startsWith('--')) throw new UsageError(`unknown option: ${arg}`);
    else a.paths.push(arg);
  }
  if (a.paths.length === 0) throw new UsageError('no file or folder given');
  return a;
}

const message = (lang: Lang, i: ImportIssue): string => issueMessage(lang, i);

/** The contract's JSON object (section 4), with extra fields after the contract's ones. */
export function reportJson(report: ImportReport, lang: Lang): unknown {
  return {
    ok: report.ok,
    files: report.files.map((f) => ({
      path: f.path,
      resource: f.resource,
      encoding: f.encoding,
      delimiter: f.delimiter,
      decimal: f.decimal,
      rows: f.rows,
      issues: f.issues.map((i) => ({ severity: i.severity, code: i.code, row: i.row, column: i.column, message: message(lang, i), params: i.params })),
      format: f.format,
      form: f.form,
      columns: f.columns,
      set_aside: f.setAside,
    })),
    join: {
      matched: report.join.matched,
      unmatched: report.join.unmatched,
      duplicates: report.join.duplicates,
      fuzzy: report.join.fuzzy,
      exact: report.join.exact,
      ambiguous: report.join.ambiguous,
    },
  };
}

const show = (v: string | null): string => (v === null ? '-' : v === '\t' ? 'tab' : v);

export function reportText(report: ImportReport, lang: Lang, maxIssues = 50): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const f of report.files) {
    lines.push(`${f.path}: ${f.resource ?? f.format}, ${f.rows} rows, encoding ${show(f.encoding)}, delimiter ${show(f.delimiter)}, decimal ${show(f.decimal)}`);
    f.issues.forEach((i, k) => {
      if (i.severity === 'error') errors++;
      else warnings++;
      if (k >= maxIssues) return;
      const where = [i.row === null ? null : `row ${i.row}`, i.column === null ? null : `[${i.column}]`].filter(Boolean).join(' ');
      lines.push(`  ${t(lang, `import.severity.${i.severity}`)}${where ? ` ${where}` : ''}: ${message(lang, i)} (${i.code})`);
    });
    if (f.issues.length > maxIssues) lines.push(`  … ${f.issues.length - maxIssues} more`);
  }
  const j = report.join;
  lines.push(t(lang, 'import.cli.join', { matched: j.matched, exact: j.exact, unmatched: j.unmatched.length, duplicates: j.duplicates.length, ambiguous: j.ambiguous.length }));
  for (const u of j.unmatched.slice(0, maxIssues)) lines.push(`  ${u.path} row ${u.row}: "${u.key}"${u.suggestions.length ? ` → ${u.suggestions.join(', ')}?` : ''}`);
  for (const f of j.fuzzy.slice(0, maxIssues)) lines.push(`  "${f.key}" = ${f.unit_id} (${t(lang, `import.method.${f.method}`)})`);
  lines.push(errors === 0 ? `${t(lang, 'import.cli.ok')} ${t(lang, 'import.cli.errors', { count: 0, warnings })}` : t(lang, 'import.cli.errors', { count: errors, warnings }));
  return lines.join('\n');
}

export interface ValidateIO {
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
}

export async function runValidate(argv: string[], io: ValidateIO = {}): Promise<number> {
  const out = io.stdout ?? ((s: string) => process.stdout.write(s));
  const err = io.stderr ?? ((s: string) => process.stderr.write(s));
  let args: ValidateArgs;
  let files;
  try {
    args = parseValidateArgs(argv);
    files = await collectInputs(args.paths);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`social-map validate: ${e.message}\n${VALIDATE_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const { report } = await readPackageAsync(null, files, args.options);
  out(args.json ? `${JSON.stringify(reportJson(report, args.lang))}\n` : `${reportText(report, args.lang)}\n`);
  return report.ok ? 0 : 1;
}
