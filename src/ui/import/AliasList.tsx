// The aliases the user chose (name → unit): re-applied on every parse, removable, exported
// with the workspace and downloadable as CSV.
import { toCsv } from '../../core/csv';
import { t } from '../../core/i18n';
import type { Lang } from '../../core/keys';
import type { Unit } from '../../core/model';
import { unitLabel } from './AssignUnit';
import { download, today } from './download';

interface Props {
  aliases: [string, string][];
  units: ReadonlyMap<string, Unit>;
  lang: Lang;
  onRemove(folded: string): void;
}

export function AliasList({ aliases, units, lang, onRemove }: Props) {
  if (aliases.length === 0) return null;
  const label = (id: string) => {
    const u = units.get(id);
    return u ? unitLabel(u, units, lang) : id;
  };
  const downloadCsv = () => {
    const csv = toCsv(['alias', 'unit_id', 'unit_name'], aliases.map(([k, id]) => [k, id, units.get(id)?.name ?? null]), { bom: true });
    download(`social-map-aliases-${today()}.csv`, csv, 'text/csv;charset=utf-8');
  };
  return (
    <section className="alias-list" data-testid="alias-list" aria-labelledby="alias-list-title">
      <h2 id="alias-list-title">{t(lang, 'importui.aliases.title')}</h2>
      <p className="small muted">{t(lang, 'importui.aliases.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'importui.aliases.name')}</th>
            <th scope="col">{t(lang, 'importui.aliases.unit')}</th>
            <th scope="col"><span className="sr-only">{t(lang, 'importui.aliases.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {aliases.map(([k, id]) => (
            <tr key={k} data-alias={k}>
              <td>{k}</td>
              <td>{label(id)}</td>
              <td><button type="button" className="link-button" onClick={() => onRemove(k)}>{t(lang, 'importui.aliases.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={downloadCsv}>{t(lang, 'importui.aliases.download')}</button>
    </section>
  );
}
