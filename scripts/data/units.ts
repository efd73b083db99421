// The `units` resource: 80 municipalities (LAU codes and names), their 8 planning regions and
// the country, with geometry merged on a shared topology (see geometry.ts).
// Natural Earth → LAU: data/facts/ne_match_report.csv. The NE feature named "Skopje" (MK-85,
// HASC MK.PE) is Petrovec; Drugovo, Oslomej, Vraneštica and Zajas (pre-2013 municipalities)
// are merged with the old Kičevo feature into today's Kičevo (MK00307).
// Region membership comes from the LAU code's NUTS3 prefix (region_code in the facts), never
// from Natural Earth's `region` field.
import { latinToMkCyrillic, cyrillicToLatin } from '../../src/core/text/translit';
import type { Facts } from './facts';
import type { AreaGeometry, SourceTopology } from './geometry';
import { finish, mergeParts, plain } from './geometry';
import {
  ALBANIAN_MUNICIPALITY_NAMES,
  ALBANIAN_REGION_NAMES,
  COUNTRY,
  MK_EXCEPTIONS,
  aliases,
  compactHyphen,
} from './names';
import type { NeFeature } from './source';

export interface UnitProps {
  unit_id: string;
  name: string;
  name_en: string;
  name_mk: string;
  name_sq: string;
  name_alt: string;
  level: 'country' | 'region' | 'municipality';
  parent_id: string | null;
}

export interface BuiltUnit {
  props: UnitProps;
  /** Indexes of the Natural Earth source polygons that make up this unit. */
  parts: number[];
  /** Simplified, rounded, RFC 7946 geometry (what is written). */
  geometry: AreaGeometry;
  /** Full-detail union (for areas and point-in-polygon checks). */
  full: AreaGeometry;
}

/** Map each Natural Earth feature (by index) to an LAU code. Throws on anything unexpected. */
export function matchSourceFeatures(facts: Facts, ne: readonly NeFeature[]): string[] {
  const byIso = new Map(facts.neMatches.map((m) => [m.iso, m]));
  const known = new Set(facts.municipalities.map((m) => m.lau));
  const out = ne.map((f) => {
    const iso = String(f.properties['iso_3166_2']);
    const m = byIso.get(iso);
    if (m === undefined)
      throw new Error(`Natural Earth feature ${iso} is not in ne_match_report.csv`);
    if (m.hasc !== f.properties['code_hasc'] || m.neName !== f.properties['name'])
      throw new Error(
        `Natural Earth feature ${iso} differs from ne_match_report.csv (${m.hasc} ${m.neName})`,
      );
    if (!known.has(m.lau)) throw new Error(`${iso} matched to unknown LAU ${m.lau}`);
    return m.lau;
  });
  const missing = [...known].filter((lau) => !out.includes(lau));
  if (missing.length > 0) throw new Error(`municipalities without geometry: ${missing.join(', ')}`);
  return out;
}

export function buildUnits(
  facts: Facts,
  lauOfFeature: readonly string[],
  full: SourceTopology,
  simplified: SourceTopology,
): BuiltUnit[] {
  const make = (props: UnitProps, parts: number[]): BuiltUnit => ({
    props,
    parts,
    geometry: finish(mergeParts(simplified, parts)),
    full: plain(mergeParts(full, parts)),
  });
  const partsOf = (pred: (lau: string) => boolean): number[] =>
    lauOfFeature.flatMap((lau, i) => (pred(lau) ? [i] : []));

  const country = make(
    {
      ...COUNTRY,
      name_alt: aliases(
        [],
        [
          'Macedonia',
          'Republic of North Macedonia',
          'Република Северна Македонија',
          'Republika e Maqedonisë së Veriut',
        ],
      ),
      level: 'country',
      parent_id: null,
    },
    partsOf(() => true),
  );

  const regions = facts.regions.map((r) => {
    const nameMk = `${r.nameMk} регион`;
    const nameSq = ALBANIAN_REGION_NAMES.get(r.code) ?? r.nameEn;
    const members = new Set(
      facts.municipalities.filter((m) => m.region === r.code).map((m) => m.lau),
    );
    if (members.size !== r.municipalities)
      throw new Error(`${r.code}: ${members.size} municipalities, facts say ${r.municipalities}`);
    const props: UnitProps = {
      unit_id: r.code,
      name: r.nameEn,
      name_en: r.nameEn,
      name_mk: nameMk,
      name_sq: nameSq,
      name_alt: aliases(
        [r.nameEn, nameMk, nameSq],
        [
          `${r.nameEn} Region`,
          `${r.nameEn} planning region`,
          r.nameMk,
          `${r.nameMk} плански регион`,
          cyrillicToLatin(nameMk),
        ],
      ),
      level: 'region',
      parent_id: COUNTRY.unit_id,
    };
    return make(
      props,
      partsOf((lau) => members.has(lau)),
    );
  });

  const neNamesOf = (lau: string): string[] =>
    facts.neMatches
      .filter((m) => m.lau === lau && m.status === 'matched')
      .flatMap((m) => [m.neName, m.neNameEn]);

  const municipalities = facts.municipalities.map((m) => {
    const nameEn = compactHyphen(m.name);
    const nameMk = MK_EXCEPTIONS.get(m.lau) ?? latinToMkCyrillic(nameEn);
    const nameSq = ALBANIAN_MUNICIPALITY_NAMES.get(m.lau) ?? nameEn;
    const props: UnitProps = {
      unit_id: m.lau,
      name: m.name,
      name_en: nameEn,
      name_mk: nameMk,
      name_sq: nameSq,
      name_alt: aliases(
        [m.name, nameEn, nameMk, nameSq],
        [m.nameMakstat, cyrillicToLatin(nameMk), ...neNamesOf(m.lau)],
      ),
      level: 'municipality',
      parent_id: m.region,
    };
    return make(
      props,
      partsOf((lau) => lau === m.lau),
    );
  });

  return [country, ...regions, ...municipalities];
}

/** units.geojson text: one feature per line, fixed key order. */
export function unitsGeojson(units: readonly BuiltUnit[]): string {
  const lines = units.map((u) =>
    JSON.stringify({ type: 'Feature', properties: u.props, geometry: u.geometry }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
