// Read-only rendering of document blocks as React elements: every string is a text node,
// figures (our own SVG, checked against the whitelist) are shown as images, never as markup.
import type { ReactNode } from 'react';
import type { Block, Run, RichText, TableBlock } from '../../core/docs/model';
import { isSafeSvg } from '../../render/svgparse';

export function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let el: ReactNode = r.text;
        if (r.italic) el = <em>{el}</em>;
        if (r.bold) el = <strong>{el}</strong>;
        return <span key={i}>{el}</span>;
      })}
    </>
  );
}

/** Paragraphs and lists (consecutive list items grouped). */
export function Rich({ text }: { text: RichText }) {
  const groups: { list: 'bullet' | 'ordered' | null; items: RichText }[] = [];
  for (const p of text) {
    const list = p.list ?? null;
    const last = groups[groups.length - 1];
    if (last && list && last.list === list) last.items.push(p);
    else groups.push({ list, items: [p] });
  }
  return (
    <>
      {groups.map((g, i) => {
        if (!g.list) return g.items.map((p, j) => <p key={`${i}.${j}`}><Runs runs={p.runs} /></p>);
        const items = g.items.map((p, j) => <li key={j}><Runs runs={p.runs} /></li>);
        return g.list === 'ordered' ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </>
  );
}

function Table({ b }: { b: TableBlock }) {
  const cls = (i: number) => (b.columns[i]?.align === 'right' ? 'num' : b.columns[i]?.align === 'center' ? 'center' : undefined);
  return (
    // Focusable so a keyboard user can scroll a wide table (WCAG 2.1.1; axe scrollable-region-focusable).
    <div className="doc-table-wrap" tabIndex={0} role="region" aria-label={b.caption || b.id}>
      <table className="doc-table" data-table={b.id}>
        {b.caption && <caption>{b.caption}</caption>}
        <thead>
          <tr>
            {b.columns.map((c, i) => (
              <th key={c.key} scope="col" className={cls(i)}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {b.rows.map((r) =>
            r.section ? (
              <tr key={r.key} className="section">
                <td colSpan={b.columns.length}>{r.cells[0]?.text}</td>
              </tr>
            ) : (
              <tr key={r.key} className={r.total ? 'total' : undefined}>
                {b.columns.map((c, i) => (
                  <td key={c.key} className={cls(i)}>{r.cells[i]?.text ?? ''}</td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
      {b.note && <p className="doc-table-note">{b.note}</p>}
    </div>
  );
}

/** One non-field block. Fields are rendered by the caller (editable). */
export function StaticBlock({ b, unavailable }: { b: Exclude<Block, { type: 'field' }>; unavailable: string }) {
  switch (b.type) {
    case 'heading': {
      const H = `h${b.level + 1}` as 'h2' | 'h3' | 'h4';
      return <H id={`doc-${b.id}`}>{b.text}</H>;
    }
    case 'paragraph':
      return <p><Runs runs={b.runs} /></p>;
    case 'list': {
      const items = b.items.map((runs, i) => <li key={i}><Runs runs={runs} /></li>);
      return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return <Table b={b} />;
    case 'figure':
      return (
        <figure className="doc-figure">
          {isSafeSvg(b.svg) ? (
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(b.svg)}`} alt={b.alt} width={b.width} height={b.height} />
          ) : (
            <p>{unavailable}</p>
          )}
          <figcaption>{b.caption}</figcaption>
        </figure>
      );
    case 'note':
      return <aside className={`doc-note ${b.kind}`}>{b.text}</aside>;
  }
}
