// The selected unit's values in the embed: every indicator, protected values as "<5"/"hidden".
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { PrivacyConfig } from '../../core/privacy/config';
import { suppressedTitle } from '../../core/privacy/labels';
import type { UnitDetails } from '../../core/views/details';
import type { MapUnit } from '../../core/views/map';
import { ValueCell } from '../panels/ValueCell';

interface Props {
  details: UnitDetails | null;
  unit: MapUnit | null;
  lang: Lang;
  privacy: PrivacyConfig | undefined;
  onClear(): void;
}

export function SelectedUnit({ details, unit, lang, privacy, onClear }: Props) {
  if (!details) {
    return <p className="small muted embed-hint">{t(lang, 'embed.noneSelected')}</p>;
  }
  return (
    <section className="embed-selected" aria-labelledby="embed-selected-title" data-testid="embed-selected">
      <div className="embed-selected-head">
        <h2 id="embed-selected-title">{details.name}</h2>
        <button type="button" onClick={onClear}>
          {t(lang, 'embed.clear')}
        </button>
      </div>
      <p className="small muted">
        {details.levelLabel}
        {details.parentName ? ` · ${t(lang, 'details.partOf', { parent: details.parentName })}` : ''}
      </p>
      {unit?.suppressed && privacy && <p className="small">{suppressedTitle(lang, unit.suppressed, privacy)}</p>}
      <table className="details-table">
        <caption className="sr-only">{t(lang, 'details.indicators')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'details.indicator')}</th>
            <th scope="col" className="num">{t(lang, 'details.value')}</th>
          </tr>
        </thead>
        <tbody>
          {details.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <ValueCell value={r.value} rate={r.rate} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
