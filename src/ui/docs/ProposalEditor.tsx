// Form 2, table 5: the council accepts, edits, removes or adds rows. Each row shows its
// evidence (need, supply, gap, municipalities). Edits are recorded in ProposalEdits (only the
// council's decisions); the rows themselves come from the core (proposalRows).
import { useState } from 'react';
import type { DocContext } from '../../core/docs/context';
import { SECTIONS, type AddedRow, type ProposalEdits, type ProposalRow, type ProposalSection, type RowEdit } from '../../core/docs/proposal';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';

interface Props {
  ctx: DocContext;
  rows: ProposalRow[];
  removed: ProposalRow[];
  edits: ProposalEdits;
  uiLang: Lang;
  onChange: (next: ProposalEdits) => void;
}

const sectionLabel = (ctx: DocContext, s: ProposalSection) => ctx.tr(`docs.f2.s${s.replace('.', '_')}`);

function newId(): string {
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `user:${rnd}`;
}

function Evidence({ ctx, row, uiLang }: { ctx: DocContext; row: ProposalRow; uiLang: Lang }) {
  const e = row.evidence;
  if (!e) return <p className="row-evidence">{t(uiLang, 'docs.ui.no_evidence')}</p>;
  return (
    <p className="row-evidence">
      {t(uiLang, 'docs.ui.evidence', {
        need: ctx.num(e.need),
        supply: ctx.num(e.supply),
        gap: ctx.num(e.gap),
        municipalities: e.municipalities.map((u) => ctx.name(u)).join(', ') || '–',
      })}
      {row.stale && <em> ({t(uiLang, 'docs.ui.stale')})</em>}
    </p>
  );
}

function RowEditor({ ctx, row, edits, uiLang, onChange }: { ctx: DocContext; row: ProposalRow; edits: ProposalEdits; uiLang: Lang; onChange: (n: ProposalEdits) => void }) {
  const setField = (patch: RowEdit) => {
    if (row.origin === 'user') {
      onChange({ ...edits, added: edits.added.map((a) => (a.id === row.id ? { ...a, ...patch } : a)) });
      return;
    }
    const rows = new Map(edits.rows);
    rows.set(row.id, { ...rows.get(row.id), ...patch });
    onChange({ ...edits, rows });
  };
  const accepted = edits.accepted.has(row.id);
  const toggleAccept = () => {
    const next = new Set(edits.accepted);
    if (accepted) next.delete(row.id);
    else next.add(row.id);
    onChange({ ...edits, accepted: next });
  };
  const remove = () => {
    if (row.origin === 'user') onChange({ ...edits, added: edits.added.filter((a) => a.id !== row.id) });
    else onChange({ ...edits, removed: new Set([...edits.removed, row.id]) });
  };
  const labels = [t(uiLang, 'docs.ui.section'), ctx.tr('docs.f2.col.subtype'), ctx.tr('docs.f2.col.category'), ctx.tr('docs.f2.col.mode')];
  return (
    <li className={`proposal-row${row.edited ? ' edited' : ''}${row.stale ? ' stale' : ''}`} data-row={row.id}>
      <div className="row-fields">
        <label>
          <span>{labels[0]}</span>
          <select value={row.section} onChange={(e) => setField({ section: e.target.value as ProposalSection })}>
            {SECTIONS.map((s) => (
              <option key={s} value={s}>{sectionLabel(ctx, s)}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{labels[1]}</span>
          <input value={row.subtype} onChange={(e) => setField({ subtype: e.target.value })} />
        </label>
        <label>
          <span>{labels[2]}</span>
          <input value={row.categoryText} onChange={(e) => setField({ categoryText: e.target.value })} />
        </label>
        <label className="wide">
          <span>{labels[3]}</span>
          <textarea rows={2} value={row.mode} onChange={(e) => setField({ mode: e.target.value })} />
        </label>
      </div>
      <Evidence ctx={ctx} row={row} uiLang={uiLang} />
      <div className="row-tools">
        {row.origin === 'suggested' && (
          <button type="button" aria-pressed={accepted} onClick={toggleAccept}>
            {accepted ? t(uiLang, 'docs.ui.accepted') : t(uiLang, 'docs.ui.accept')}
          </button>
        )}
        <button type="button" onClick={remove}>{t(uiLang, 'docs.ui.remove')}</button>
      </div>
    </li>
  );
}

export function ProposalEditor({ ctx, rows, removed, edits, uiLang, onChange }: Props) {
  const [section, setSection] = useState<ProposalSection>('5.1');
  const add = () => {
    const row: AddedRow = { id: newId(), section, subtype: '', categoryText: '', mode: '' };
    onChange({ ...edits, added: [...edits.added, row] });
  };
  const restore = (id: string) => {
    const next = new Set(edits.removed);
    next.delete(id);
    onChange({ ...edits, removed: next });
  };
  return (
    <div className="proposal-editor">
      {SECTIONS.map((s) => {
        const inSection = rows.filter((r) => r.section === s);
        return (
          <section key={s} aria-label={sectionLabel(ctx, s)}>
            <h4>{sectionLabel(ctx, s)}</h4>
            {inSection.length ? (
              <ol className="proposal-rows">
                {inSection.map((r) => (
                  <RowEditor key={r.id} ctx={ctx} row={r} edits={edits} uiLang={uiLang} onChange={onChange} />
                ))}
              </ol>
            ) : (
              <p className="empty">{ctx.tr('docs.f2.empty_section')}</p>
            )}
          </section>
        );
      })}
      <div className="row-add">
        <label>
          <span>{t(uiLang, 'docs.ui.section')}</span>
          <select value={section} onChange={(e) => setSection(e.target.value as ProposalSection)}>
            {SECTIONS.map((s) => (
              <option key={s} value={s}>{sectionLabel(ctx, s)}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add}>{t(uiLang, 'docs.ui.add_row')}</button>
      </div>
      {removed.length > 0 && (
        <details className="removed-rows">
          <summary>{t(uiLang, 'docs.ui.removed_rows')} ({removed.length})</summary>
          <ul>
            {removed.map((r) => (
              <li key={r.id}>
                {r.subtype} · {r.categoryText}{' '}
                <button type="button" onClick={() => restore(r.id)}>{t(uiLang, 'docs.ui.restore')}</button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
