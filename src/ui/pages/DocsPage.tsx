// The documents view (?view=docs): pick a region and a form, edit, export. The user's text is
// kept in the workspace per region, so it survives a reload and a regeneration from new data.
import { useMemo } from 'react';
import { importConflicts } from '../../core/docs/conflicts';
import { docEditsFromJson, docEditsToJson, emptyDocEdits, type DocEdits } from '../../core/docs/edits';
import { FORM1_KIND } from '../../core/docs/form1';
import { FORM2_KIND } from '../../core/docs/form2';
import { unitName } from '../../core/dataset';
import { t } from '../../core/i18n';
import { isLang } from '../../core/keys';
import { restParam, withRestParam } from '../../core/url';
import { useWorkspaceSlice } from '../../io/workspace/react';
import { DocumentView, type DocKind } from '../docs/DocumentView';
import { useGapsWorkspace } from '../gaps/useGapsWorkspace';
import { useImportSession, useSessionSnapshot } from '../import/ImportProvider';
import type { PageProps } from './MapPage';
import { usePrivacy } from './usePrivacy';

const isJson = (v: unknown): v is unknown => v !== undefined;

export function DocsPage({ ds, state, update }: PageProps) {
  const lang = state.lang;
  const regionId = state.region ?? ds.regions[0]?.id ?? null;
  const kind: DocKind = restParam(state, 'form') === '2' ? FORM2_KIND : FORM1_KIND;
  const docLangParam = restParam(state, 'doclang');
  const docLang = isLang(docLangParam) ? docLangParam : lang;
  const [raw, setRaw] = useWorkspaceSlice<unknown>(`docs.edits.${regionId ?? ''}`, null, isJson);
  // the norms and priority weights the council set in the gaps view
  const [gapsWs] = useGapsWorkspace();
  // data conflicts found when the user's files were read (Form 1, chapter 3)
  const report = useSessionSnapshot(useImportSession()).result?.output.report ?? null;
  const importIssues = useMemo(() => importConflicts(report), [report]);
  // small-number protection (URL `suppress`, as on the map)
  const privacy = usePrivacy(state);
  const edits: DocEdits = useMemo(() => (raw ? docEditsFromJson(raw) : emptyDocEdits()), [raw]);
  const regions = useMemo(
    () => ds.regions.map((r) => ({ id: r.id, name: unitName(r, lang) })).sort((a, b) => a.name.localeCompare(b.name, lang)),
    [ds, lang],
  );
  if (!regionId) return <p role="status">{t(lang, 'map.noData')}</p>;
  return (
    <div className="docs-page">
      <div className="docs-controls">
        <label>
          <span>{t(lang, 'controls.region')}</span>
          <select data-testid="docs-region" value={regionId} onChange={(e) => update({ region: e.target.value })}>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </select>
        </label>
        <div role="group" aria-label={t(lang, 'nav.docs')} className="docs-kind">
          {[FORM1_KIND, FORM2_KIND].map((k) => (
            <button
              key={k}
              type="button"
              data-testid={`docs-kind-${k}`}
              aria-pressed={k === kind}
              onClick={() => update(withRestParam(state, 'form', k === FORM2_KIND ? '2' : null))}
            >
              {t(lang, k === FORM1_KIND ? 'docs.page.form1' : 'docs.page.form2')}
            </button>
          ))}
        </div>
      </div>
      <DocumentView
        pkg={ds.pkg}
        lang={docLang}
        uiLang={lang}
        regionId={regionId}
        kind={kind}
        edits={edits}
        importIssues={importIssues}
        norms={gapsWs.norms}
        weights={gapsWs.weights}
        privacy={privacy}
        onEditsChange={(next) => setRaw(docEditsToJson(next))}
        onLangChange={(l) => update(withRestParam(state, 'doclang', l === lang ? null : l))}
      />
    </div>
  );
}
