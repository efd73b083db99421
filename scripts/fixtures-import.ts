// Generates the import fixtures (tests/fixtures/import/) that need exact bytes: legacy code
// pages, UTF-16, projected GeoJSON, a small XLSX. Run: npx tsx scripts/fixtures-import.ts
// The output is committed; rerunning gives the same bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import proj4 from 'proj4';

const dir = new URL('../tests/fixtures/import/', import.meta.url);
const out = (name: string, bytes: Uint8Array | string): void => {
  writeFileSync(new URL(name, dir), typeof bytes === 'string' ? bytes : Buffer.from(bytes));
};

/** Encoder for a single-byte code page, built from the platform's decoder. */
function codePage(label: string): (s: string) => Uint8Array {
  const dec = new TextDecoder(label);
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(dec.decode(new Uint8Array([b])), b);
  return (s) =>
    Uint8Array.from(Array.from(s, (ch) => {
      const b = map.get(ch);
      if (b === undefined) throw new Error(`${label} cannot encode ${ch}`);
      return b;
    }));
}
const utf16 = (s: string, le: boolean, bom: boolean): Uint8Array => {
  const body = (bom ? '\uFEFF' : '') + s;
  const b = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    b[i * 2 + (le ? 0 : 1)] = c & 0xff;
    b[i * 2 + (le ? 1 : 0)] = c >> 8;
  }
  return b;
};
const crlf = (lines: string[]): string => lines.join('\r\n') + '\r\n';

// --- the 80 municipalities (names: Eurostat LAU, MakStat; Cyrillic: official names) ---------
const mk = readFileSync(new URL('mk-municipalities-80.csv', dir), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [id = '', lau = '', makstat = '', cyr = '', region = '', pop = ''] = l.split(',');
    return { id, lau, makstat, cyr, region, pop: Number(pop) };
  });
const REGIONS: [string, string, string][] = [
  ['MK001', 'Vardar', 'Вардарски'],
  ['MK002', 'East', 'Источен'],
  ['MK003', 'Southwest', 'Југозападен'],
  ['MK004', 'Southeast', 'Југоисточен'],
  ['MK005', 'Pelagonia', 'Пелагониски'],
  ['MK006', 'Polog', 'Полошки'],
  ['MK007', 'Northeast', 'Североисточен'],
  ['MK008', 'Skopje', 'Скопски'],
];

// Schematic geometry: one 0.2° box per municipality on a grid over the country's extent (the
// shapes are not the real boundaries; the tests need polygons, not cartography).
const box = (i: number): number[][][] => {
  const x = 20.5 + (i % 10) * 0.2;
  const y = 41.0 + Math.floor(i / 10) * 0.2;
  return [[[x, y], [x + 0.2, y], [x + 0.2, y + 0.2], [x, y + 0.2], [x, y]]];
};
const mkFeatures = mk.map((m, i) => ({
  type: 'Feature',
  properties: { unit_id: m.id, name: m.lau, level: 'municipality', parent_id: m.region, name_mk: m.cyr, name_en: m.lau, name_alt: m.makstat !== m.lau ? m.makstat : '' },
  geometry: { type: 'Polygon', coordinates: box(i) },
}));
const regionFeatures = REGIONS.map(([id, en, cyr]) => ({
  type: 'Feature',
  properties: { unit_id: id, name: en, level: 'region', parent_id: 'MK', name_mk: cyr, name_en: en },
  geometry: null,
}));
const units = { type: 'FeatureCollection', features: [...regionFeatures, ...mkFeatures] };
out('mk-units.geojson', JSON.stringify(units));

// --- a data package folder ---------------------------------------------------------------------
mkdirSync(new URL('pkg-mk/', dir), { recursive: true });
out('pkg-mk/units.geojson', JSON.stringify(units));
out('pkg-mk/indicators.csv', ['unit_id,indicator,value,year,unit,source', ...mk.map((m) => `${m.id},population,${m.pop},2021,count,SSO Census 2021`), ''].join('\n'));
out(
  'pkg-mk/services.csv',
  [
    'service_id,name,provider,provider_type,service,target_groups,unit_id,lat,lon,capacity,users,status',
    'S1,Day centre Veles,Municipality of Veles,public,day_care,persons_with_disabilities,MK00101,41.1,20.6,30,25,active',
    'S2,Home care Štip,Red Cross,ngo,home_care,elderly;elderly_alone,MK00211,,,,40,active',
    'S3,Shelter,NGO X,ngo,temporary_stay,dv_victims,MK00801,,,12,,planned',
    '',
  ].join('\n'),
);
out(
  'pkg-mk/datapackage.json',
  JSON.stringify(
    {
      name: 'fixture-mk',
      title: 'Fixture: North Macedonia (schematic geometry)',
      resources: [
        { name: 'units', path: 'units.geojson' },
        { name: 'indicators', path: 'indicators.csv' },
        { name: 'services', path: 'services.csv' },
      ],
    },
    null,
    2,
  ),
);

// --- Macedonian Cyrillic, Windows-1251, semicolons, decimal commas (Excel, Macedonian locale);
// Drugovo and Oslomej were merged into Kičevo in 2013: they stay unmatched.
const cp1251 = codePage('windows-1251');
out(
  'mk-windows-1251-semicolon.csv',
  cp1251(
    crlf([
      'unit_name;indicator;value;year',
      'Велес;population;48.463;2021',
      'Чашка;elderly;12,5;2021',
      'Ѓорче Петров;elderly;1.234,5;2021',
      'Општина Кичево;elderly;310,25;2021',
      'ШУТО ОРИЗАРИ;elderly;99,5;2021',
      'Другово;elderly;17,5;2021',
      'Осломеј;elderly;8,75;2021',
    ]),
  ),
);

// --- Albanian, Windows-1250 -------------------------------------------------------------------
const cp1250 = codePage('windows-1250');
out(
  'al-windows-1250.csv',
  cp1250(
    crlf([
      'unit_name,indicator,value,year',
      'Kuçovë,population,31262,2011',
      'Bashkia Korçë,elderly,1520,2023',
      'PËRMET,elderly,830,2023',
      'Gjirokastër,elderly,2210.5,2023',
      'Malësi e Madhe,elderly,940,2023',
      'Sarandë,elderly,700,2023',
    ]),
  ),
);
const alUnits = {
  type: 'FeatureCollection',
  features: [
    ['AL312', 'Kuçovë'],
    ['AL343', 'Korçë'],
    ['AL335', 'Përmet'],
    ['AL332', 'Gjirokastër'],
    ['AL152', 'Malësi e Madhe'],
    ['AL355', 'Sarandë'],
  ].map(([id, name], i) => ({ type: 'Feature', properties: { unit_id: id, name, level: 'municipality' }, geometry: { type: 'Polygon', coordinates: box(i) } })),
};
out('al-units.geojson', JSON.stringify(alUnits));

// --- UTF-16 ---------------------------------------------------------------------------------------
const tsvRows = ['unit_id\tindicator\tvalue', 'MK00101\tpopulation\t48463', 'MK00805\telderly\t1200', 'MK00817\telderly\t310'];
out('utf16le-bom.txt', utf16(crlf(tsvRows), true, true)); // Excel "Unicode text"
out('utf16be-nobom.csv', utf16(['unit_name,indicator,value', 'Велес,elderly,10', 'Штип,elderly,20', ''].join('\n'), false, false));
out('utf16le-nobom.csv', utf16(['unit_name,indicator,value', 'Тетово,elderly,10', 'Гостивар,elderly,20', ''].join('\n'), true, false));
out('utf8-bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('unit_name,indicator,value\nVeles,elderly,5\n')]));

// --- delimiters, wide form, quoting -----------------------------------------------------------
out('indicators.tsv', 'unit_id\tindicator\tvalue\tyear\nMK00101\telderly\t1000\t2023\nMK00102\telderly\t80\t2023\n');
out('pipe.csv', 'unit_id|indicator|value\nMK00101|elderly|7.5\nMK00102|elderly|8.25\n');
out('wide.csv', 'unit_id,name,population,population_65_plus,elderly_alone\nMK00101,Veles,48463,8000,950\nMK00102,Gradsko,3233,,40\n');
out(
  'quoted.csv',
  [
    'service_id,name,provider,service,target_groups,unit_id,capacity,users,',
    'Q1,"Day centre ""Sonce"", Veles","Association ""Hope""\nVeles branch",day_care,persons_with_disabilities,MK00101,20,18,',
    '',
    'Q2,"Home care; mobile team",Red Cross,home_care,"elderly;elderly_alone",MK00102,,12,',
    '   ',
    'Q3,Counselling,NGO,counselling,dv_victims,MK00103,5,3,',
    '',
  ].join('\r\n'),
);
out('ambiguous-thousands.csv', 'unit_id,indicator,value\nMK00101,population,48.463\nMK00102,population,3.233\n');

// --- GeoJSON: declared EPSG:3857, clockwise rings, projected without declaration ------------------
const toMerc = proj4('EPSG:4326', 'EPSG:3857');
const mgi7 = proj4('+proj=longlat +datum=WGS84 +no_defs', '+proj=tmerc +lat_0=0 +lon_0=21 +k=0.9999 +x_0=7500000 +y_0=0 +ellps=bessel +towgs84=682,-203,480,0,0,0,0 +units=m +no_defs');
const round = (p: number[], d: number): number[] => p.map((v) => Math.round(v * 10 ** d) / 10 ** d);
const some = mkFeatures.slice(0, 3);
const mapCoords = (f: (typeof mkFeatures)[number], fn: (p: number[]) => number[]) => ({
  ...f,
  geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map((ring) => ring.map(fn)) },
});
out(
  'mk-units-3857.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
    features: some.map((f) => mapCoords(f, (p) => round(toMerc.forward(p), 2))),
  }),
);
out(
  'mk-units-6316-undeclared.geojson',
  JSON.stringify({ type: 'FeatureCollection', features: some.map((f) => mapCoords(f, (p) => round(mgi7.forward(p), 2))) }),
);
out(
  'mk-units-clockwise.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    features: some.map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map((r) => [...r].reverse()) } })),
  }),
);

// --- a minimal XLSX (shared strings, one sheet) ----------------------------------------------------
const sheetRows: (string | number)[][] = [
  ['unit_name', 'indicator', 'value'],
  ['Велес', 'elderly', 12.5],
  ['Kičevo', 'elderly', 300],
];
const strings: string[] = [];
const sIndex = (s: string): number => {
  const i = strings.indexOf(s);
  if (i >= 0) return i;
  strings.push(s);
  return strings.length - 1;
};
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const sheetXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  sheetRows
    .map(
      (r, ri) =>
        `<row r="${ri + 1}">` +
        r
          .map((v, ci) => {
            const ref = `${String.fromCharCode(65 + ci)}${ri + 1}`;
            return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="s"><v>${sIndex(v)}</v></c>`;
          })
          .join('') +
        '</row>',
    )
    .join('') +
  '</sheetData></worksheet>';
const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`;
const zip = zipSync(
  {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    'xl/sharedStrings.xml': strToU8(sst),
  },
  { mtime: new Date('2024-01-01T00:00:00Z') },
);
out('indicators.xlsx', zip);
console.log('fixtures written to', dir.pathname);
