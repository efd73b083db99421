// The panel of one service: every field, unknown capacity said in words, illustrative marked.
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { ServiceDetails as Details } from '../../core/views/services';

export function ServiceDetails({ d, lang, onClose }: { d: Details; lang: Lang; onClose(): void }) {
  const row = (key: string, value: React.ReactNode) => (
    <>
      <dt>{t(lang, key)}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <section className="details svc-details" data-testid="svc-details" data-service-id={d.id} aria-label={d.name}>
      <div className="details-head">
        <h2>
          <span className="swatch" style={{ background: d.color }} aria-hidden="true" /> {d.name}
        </h2>
        <button type="button" onClick={onClose}>{t(lang, 'gapsui.svc.close')}</button>
      </div>
      {d.illustrative && <p className="badge-illustrative">{t(lang, 'app.illustrative')}</p>}
      <dl>
        {row('gapsui.svc.provider', d.provider)}
        {row('gapsui.svc.providerType', d.providerType)}
        {row('gapsui.service', d.service)}
        {row('gapsui.svc.group', d.group)}
        {row('gapsui.svc.targets', d.targetGroups.length ? d.targetGroups.join(', ') : t(lang, 'gapsui.unknown'))}
        {row('gapsui.svc.capacity', d.capacityKnown ? d.capacity : <em data-testid="svc-capacity-unknown">{d.capacity}</em>)}
        {row('gapsui.svc.users', d.users)}
        {row('gapsui.table.status', d.status)}
        {row('gapsui.svc.unit', d.unit)}
        {row('gapsui.svc.serves', d.serves.join(', ') || t(lang, 'gapsui.unknown'))}
        {row('gapsui.svc.location', d.location)}
        {row('gapsui.svc.funding', d.funding)}
        {row('gapsui.svc.source', d.source || t(lang, 'gapsui.unknown'))}
      </dl>
    </section>
  );
}
