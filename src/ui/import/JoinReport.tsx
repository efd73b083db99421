// The join report: for every file of the import, what happened to every row, and what the
// user can fix. Issues download as CSV (formula-safe, in the UI language).
import { useMemo } from 'react';
import { toCsv } from '../../core/csv';
import { formatNumber, t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { Unit } from '../../core/model';
import { ISSUE_CSV_HEADER, issueCsvRows, summariseFiles } from '../../core/workspace/report';
import { shapeKey, type Workspace } from '../../core/workspace/schema';
import type { WorkspaceStore } from '../../io/workspace/store';
import { download, today } from './download';
import { FileSection } from './FileSection';
import type { UserResult } from './session';

interface Props {
  result: UserResult;
  ws: Workspace;
  store: WorkspaceStore;
  lang: Lang;
}

export function JoinReport({ result, ws, store, lang }: Props) {
  const report = result.output.report;
  const summaries = useMemo(() => summariseFiles(report), [report]);
  const units = useMemo(() => new Map<string, Unit>(result.units.map((u) => [u.id, u])), [result]);
  // built in the parse worker (10,000 units: a quarter of a second of transliteration)
  const choices = result.choices;
  const mapped = new Set(result.output.mapped.map(([p]) => p));
  const mappings = new Map(ws.mappings);
  const j = report.join;
  const n = (v: number) => formatNumber(lang, v, 0);
  const downloadIssues = () => {
    const csv = toCsv(ISSUE_CSV_HEADER, issueCsvRows(report, lang), { bom: true });
    download(`social-map-import-issues-${today()}.csv`, csv, 'text/csv;charset=utf-8');
  };
  return (
    <section className="join-report" data-testid="join-report" aria-labelledby="join-report-title">
      <h2 id="join-report-title">{t(lang, 'importui.join.title')}</h2>
      <p data-testid="join-summary">
        {t(lang, 'importui.join.summary', {
          files: n(report.files.length),
          matched: n(j.matched),
          exact: n(j.exact),
          unmatched: n(j.unmatched.length),
          duplicates: n(j.duplicates.length),
          ambiguous: n(j.ambiguous.length),
        })}
      </p>
      <p className="small muted">{t(lang, 'importui.join.timing', { ms: n(Math.round(result.ms)), where: t(lang, `importui.where.${result.where}`) })}</p>
      <button type="button" data-testid="download-issues" onClick={downloadIssues}>{t(lang, 'importui.join.downloadIssues')}</button>
      {summaries.map((s) => {
        const file = ws.files.find((f) => f.path === s.report.path);
        return (
          <FileSection
            key={s.report.path}
            summary={s}
            file={file}
            mapping={mappings.get(shapeKey(s.report.columns)) ?? null}
            mapped={mapped.has(s.report.path)}
            units={units}
            choices={choices}
            lang={lang}
            onOptions={(id, patch) => store.setFileOptions(id, patch)}
            onRemove={(id) => store.removeFiles([id])}
            onAssign={(folded, unitId) => store.setAlias(folded, unitId)}
            onMapping={(shape, m) => store.setMapping(shape, m)}
          />
        );
      })}
    </section>
  );
}
