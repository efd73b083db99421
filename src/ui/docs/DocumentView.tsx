// The document view of one form for one region: the document as it will be printed, with its
// narrative fields editable in place (text areas, bold/italic as markup, never HTML), Form 2's
// table 5 editable row by row, a notice of the numbers that changed when the data changed, and
// exports (DOCX, HTML, print/PDF). The parent owns the edits and their persistence.
import type { PrivacyConfig } from '../../core/privacy/config';
import { useMemo, useState } from 'react';
import { buildContext, type DocIssue } from '../../core/docs/context';
import type { DocEdits } from '../../core/docs/edits';
import { buildForm1, FORM1_KIND } from '../../core/docs/form1';
import { buildForm2, FORM2_KIND } from '../../core/docs/form2';
import { applyEdits, diffNumbers, type Doc, type NumberChange, type RichText } from '../../core/docs/model';
import { t } from '../../core/i18n';
import { LANGS, type Lang } from '../../core/keys';
import type { DataPackage } from '../../core/model';
import { StaticBlock } from './Blocks';
import { downloadDocx, downloadHtml, printDoc } from './exportDoc';
import { FieldEditor } from './FieldEditor';
import { ProposalEditor } from './ProposalEditor';
import './docs.css';
import type { PriorityWeights } from '../../core/gaps/priorities';
import type { Norm } from '../../core/model';

export type DocKind = typeof FORM1_KIND | typeof FORM2_KIND;

export interface DocumentViewProps {
  pkg: DataPackage;
  /** Language of the document (independent of the UI's). */
  lang: Lang;
  /** Language of the buttons and help; default: the document's. */
  uiLang?: Lang;
  regionId: string;
  kind: DocKind;
  edits: DocEdits;
  onEditsChange: (next: DocEdits) => void;
  /** Offer a document-language choice when given. */
  onLangChange?: (lang: Lang) => void;
  /** ISO date in the header; default today. */
  date?: string;
  importIssues?: DocIssue[];
  /** The council's edited norms (gaps view), when there are any: the documents' need and gaps
   *  are then the same as the gaps view shows. */
  norms?: Norm[] | null;
  /** The council's priority weights (gaps view). */
  weights?: PriorityWeights;
  /** Small-number protection in force (URL `suppress`). */
  privacy?: PrivacyConfig;
}

const LANG_NAMES: Record<Lang, string> = { sq: 'Shqip', mk: 'Македонски', en: 'English' };
const today = () => new Date().toISOString().slice(0, 10);

/** The numbers that changed since the previous generation of the same document (data reloads). */
function useChanges(fresh: Doc, identity: string): [NumberChange[], () => void] {
  const [s, setS] = useState<{ of: Doc; id: string; changes: NumberChange[] }>({ of: fresh, id: identity, changes: [] });
  let current = s;
  if (s.of !== fresh) {
    current = { of: fresh, id: identity, changes: s.id === identity ? diffNumbers(s.of, fresh) : [] };
    setS(current);
  }
  return [current.changes, () => setS({ ...current, changes: [] })];
}

export function DocumentView(props: DocumentViewProps) {
  const { pkg, lang, regionId, kind, edits, onEditsChange } = props;
  const uiLang = props.uiLang ?? lang;
  const date = props.date ?? today();
  const { importIssues, norms, weights, privacy } = props;
  const ctx = useMemo(
    () => buildContext(pkg, { lang, regionId, date, ...(importIssues ? { importIssues } : {}), ...(norms ? { norms } : {}), ...(weights ? { weights } : {}), ...(privacy ? { privacy } : {}) }),
    [pkg, lang, regionId, date, importIssues, norms, weights, privacy],
  );
  // The generated document without the user's text (numbers, tables, maps): rebuilt only when
  // the data, region or language change.
  const fresh = useMemo(() => (kind === FORM1_KIND ? buildForm1(ctx) : buildForm2(ctx).doc), [ctx, kind]);
  const form2 = useMemo(() => (kind === FORM2_KIND ? buildForm2(ctx, edits.form2) : null), [ctx, kind, edits.form2]);
  const doc = kind === FORM1_KIND ? applyEdits(fresh, edits.form1) : (form2?.doc ?? fresh);
  const [changes, dismiss] = useChanges(fresh, `${kind}|${regionId}|${lang}`);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const renderOpts = { pageLabel: t(lang, 'docs.page'), figureUnavailable: t(lang, 'docs.figure_unavailable') };
  const setField = (id: string, text: RichText | null) => {
    if (kind === FORM1_KIND) {
      const form1 = new Map(edits.form1);
      if (text) form1.set(id, text);
      else form1.delete(id);
      onEditsChange({ ...edits, form1 });
    } else {
      const fields = new Map(edits.form2.fields);
      if (text) fields.set(id, text);
      else fields.delete(id);
      onEditsChange({ ...edits, form2: { ...edits.form2, fields } });
    }
  };
  const exportDocx = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await downloadDocx(doc, renderOpts);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const unavailable = t(lang, 'docs.figure_unavailable');

  return (
    <div className="doc-view" data-testid="document-view" data-doc={kind}>
      <div className="doc-toolbar" role="toolbar" aria-label={t(uiLang, 'docs.ui.toolbar')}>
        {props.onLangChange && (
          <label>
            {t(uiLang, 'docs.ui.language')}{' '}
            <select value={lang} onChange={(e) => props.onLangChange?.(e.target.value as Lang)} data-testid="doc-lang">
              {LANGS.map((l) => (
                <option key={l} value={l}>{LANG_NAMES[l]}</option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={() => void exportDocx()} disabled={busy} data-testid="export-docx">
          {busy ? t(uiLang, 'docs.ui.exporting') : t(uiLang, 'docs.ui.export_docx')}
        </button>
        <button type="button" onClick={() => downloadHtml(doc, renderOpts)} data-testid="export-html">
          {t(uiLang, 'docs.ui.export_html')}
        </button>
        <button type="button" onClick={() => printDoc(doc, renderOpts)} data-testid="export-pdf">
          {t(uiLang, 'docs.ui.print')}
        </button>
      </div>
      {failure && <p className="error" role="alert">{t(uiLang, 'docs.ui.export_failed', { message: failure })}</p>}
      {changes.length > 0 && (
        <div className="doc-changes" role="status">
          <p>{t(uiLang, 'docs.ui.changes', { n: changes.length })}</p>
          <ul>
            {changes.slice(0, 20).map((c) => (
              <li key={c.key}>
                {t(uiLang, 'docs.ui.change_item', { label: c.label, before: ctx.num(c.before, 1), after: ctx.num(c.after, 1) })}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>{t(uiLang, 'docs.ui.dismiss')}</button>
        </div>
      )}
      <article className="doc-paper" lang={lang}>
        <header className="doc-head">
          <span>{doc.header.region}</span>
          <span>{doc.header.date}</span>
        </header>
        <h1 className="doc-title">{doc.title}</h1>
        {doc.subtitle && <p className="doc-subtitle">{doc.subtitle}</p>}
        {doc.blocks.map((b, i) => {
          if (b.type === 'field') return <FieldEditor key={`${b.id}|${regionId}|${lang}`} field={b} uiLang={uiLang} onChange={setField} />;
          if (b.type === 'table' && b.id === 'f2.services' && form2)
            return (
              <ProposalEditor
                key={b.id}
                ctx={ctx}
                rows={form2.rows}
                removed={form2.removed}
                edits={edits.form2}
                uiLang={uiLang}
                onChange={(form2Edits) => onEditsChange({ ...edits, form2: form2Edits })}
              />
            );
          return <StaticBlock key={`${b.type}:${i}`} b={b} unavailable={unavailable} />;
        })}
      </article>
    </div>
  );
}
