// The embeddable view (?embed=1): title and source line, the SVG map, the legend, the selected
// unit's values and a toggle for the table alternative. No import, no editing, no MapLibre.
import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../core/i18n';
import { withRestParam } from '../../core/url';
import { buildUnitDetails } from '../../core/views/details';
import { buildMapGeometry } from '../../core/views/geometry';
import { buildMapView, type MapUnit } from '../../core/views/map';
import { DataTable } from '../panels/DataTable';
import { Legend } from '../panels/Legend';
import type { PageProps } from '../pages/MapPage';
import { parseEmbedOptions, urlFor } from './params';
import { projectGeometry } from './project';
import { groupCounts, servicePoints } from './services';
import { sourceLine } from './source';
import { SelectedUnit } from './SelectedUnit';
import { SvgMap } from './SvgMap';
import { useParentResize } from './useParentResize';
import './embed.css';

export function EmbedPage({ ds, state, update }: PageProps) {
  const lang = state.lang;
  const opts = parseEmbedOptions(state);
  // Not MapPage's hook: importing MapPage would bring MapLibre into the embed's bundle.
  const geometry = useMemo(() => buildMapGeometry(ds), [ds]);
  const view = useMemo(() => buildMapView(ds, state, lang), [ds, state, lang]);
  const focus = (state.region && geometry.regionBounds.get(state.region)) || geometry.bounds;
  const projected = useMemo(() => projectGeometry(geometry, focus), [geometry, focus]);
  const services = useMemo(() => (opts.services ? servicePoints(ds, projected, state.region) : null), [ds, projected, state.region, opts.services]);
  const details = useMemo(() => (state.unit ? buildUnitDetails(ds, state.unit, lang, view.privacy) : null), [ds, state.unit, lang, view.privacy]);
  const [tableOpen, setTableOpen] = useState(opts.table);
  const [point, setPoint] = useState<MapUnit | null>(null);
  const [announce, setAnnounce] = useState('');
  const root = useRef<HTMLElement>(null);
  useParentResize(root);

  const region = view.regions.find((r) => r.id === view.regionId)?.name;
  const by = view.level ? t(lang, `embed.by.${view.level}`) : '';
  const title = region
    ? t(lang, 'embed.titleRegion', { indicator: view.indicatorLabel, by, region })
    : t(lang, 'embed.title', { indicator: view.indicatorLabel, by });
  const sources = sourceLine(view.sources);
  const select = (id: string | null) => {
    update({ unit: id }, 'replace');
    const u = id ? view.units.find((x) => x.id === id) : null;
    setAnnounce(u ? t(lang, 'embed.announce', { name: u.name, value: u.valueLabel }) : '');
  };
  useEffect(() => {
    document.title = title;
  }, [title]);

  const full = urlFor(window.location.href, { ...state, embed: false, rest: state.rest.filter(([k]) => k === 'suppress') });
  const hidden = view.units.filter((u) => u.inFocus && u.suppressed);
  const privacy = view.privacy;

  return (
    <main ref={root} className="embed" aria-labelledby="embed-title" data-testid="embed">
      <header className="embed-head">
        <h1 id="embed-title">{title}</h1>
        <p className="embed-source small">
          {sources.names.length > 0 && (
            <span>{t(lang, 'embed.source', { sources: sources.names.join('; ') + (sources.more > 0 ? ` (+${sources.more})` : '') })}</span>
          )}
          {view.years.length > 0 && <span>{t(lang, 'embed.year', { years: view.years.join(', ') })}</span>}
          {view.illustrative && <span className="badge-illustrative">{t(lang, 'app.illustrative')}</span>}
        </p>
      </header>
      <div className="embed-body">
        <div className="embed-mapcol">
          <p className="embed-readout" aria-hidden="true">
            {point ? (
              <>
                <strong>{point.name}</strong>: {point.valueLabel}
              </>
            ) : (
              ' '
            )}
          </p>
          <SvgMap projected={projected} view={view} lang={lang} height={opts.height} services={services} onSelect={select} onPoint={setPoint} />
          <div className="sr-only" aria-live="polite" data-testid="embed-announce">
            {announce}
          </div>
        </div>
        <div className="embed-side">
          <Legend view={view} lang={lang} />
          {services && (
            <section className="embed-services small" aria-label={t(lang, 'embed.servicesOn')}>
              <p>{t(lang, 'embed.servicesLegend', { count: services.length })}</p>
              <ul>
                {groupCounts(services).map((g) => (
                  <li key={g.group}>
                    <span className="service-dot" style={{ background: g.color }} aria-hidden="true" /> {t(lang, `group.${g.group}`)} ({g.count})
                  </li>
                ))}
              </ul>
            </section>
          )}
          <SelectedUnit details={details} unit={view.selected} lang={lang} privacy={privacy} onClear={() => select(null)} />
        </div>
      </div>
      <div className="embed-actions">
        <button type="button" aria-expanded={tableOpen} aria-controls="embed-table" data-testid="embed-table-toggle" onClick={() => setTableOpen((o) => !o)}>
          {t(lang, tableOpen ? 'embed.hideTable' : 'embed.showTable')}
        </button>
        <button
          type="button"
          aria-pressed={opts.services}
          data-testid="embed-services-toggle"
          onClick={() => update({ rest: withRestParam(state, 'layers', opts.services ? null : 'services').rest }, 'replace')}
        >
          {t(lang, 'embed.servicesOn')}
        </button>
        <a href={full} target="_blank" rel="noopener noreferrer">
          {t(lang, 'embed.openFull')}
        </a>
      </div>
      <div id="embed-table" hidden={!tableOpen}>
        {tableOpen && <DataTable view={view} lang={lang} onSelect={(id) => select(id)} />}
      </div>
      {privacy?.enabled && hidden.length > 0 && (
        <p className="small muted embed-privacy">{t(lang, 'embed.protectionOn', { threshold: privacy.threshold, limit: privacy.threshold + 1 })}</p>
      )}
    </main>
  );
}
