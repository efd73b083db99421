// Typed access to the facts copied into data/facts/ (see data/facts/SOURCES.md).
import { join } from 'node:path';
import { field, readCsv } from './csv';
import type { Row } from './csv';

export interface Municipality {
  lau: string;
  name: string;
  nameMakstat: string;
  region: string;
  pop2021: number;
  pop2021Status: string;
  pop2021Source: string;
  medianAge2021: number | null;
  pop2023: number;
  pop2023Source: string;
  areaKm2: number | null;
  areaSource: string;
}

export interface Region {
  code: string;
  nameEn: string;
  nameMk: string;
  municipalities: number;
  pop2021: number;
  pop2023: number;
  areaKm2: number;
  source: string;
}

export interface NeMatch {
  iso: string;
  hasc: string;
  neName: string;
  neNameEn: string;
  lau: string;
  status: string;
}

export interface NationalFact {
  indicator: string;
  value: number;
  unit: string;
  date: string;
  source: string;
}

export interface Facts {
  municipalities: Municipality[];
  regions: Region[];
  neMatches: NeMatch[];
  national: NationalFact[];
}

const num = (row: Row, name: string): number => {
  const v = Number(field(row, name));
  if (!Number.isFinite(v)) throw new Error(`${name} is not a number: ${row[name]}`);
  return v;
};
const optNum = (row: Row, name: string): number | null => {
  const s = row[name];
  if (s === undefined || s.trim() === '') return null;
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`${name} is not a number: ${s}`);
  return v;
};

export function readFacts(dir: string): Facts {
  const municipalities = readCsv(join(dir, 'mk_municipalities.csv')).map((r): Municipality => ({
    lau: field(r, 'lau_code'),
    name: field(r, 'name_lau'),
    nameMakstat: r['name_makstat'] ?? '',
    region: field(r, 'region_code'),
    pop2021: num(r, 'pop_2021'),
    pop2021Status: field(r, 'pop_2021_status'),
    pop2021Source: field(r, 'pop_2021_source'),
    medianAge2021: optNum(r, 'median_age_2021'),
    pop2023: num(r, 'pop_2023_est'),
    pop2023Source: field(r, 'pop_2023_est_source'),
    areaKm2: optNum(r, 'area_km2'),
    areaSource: r['area_source'] ?? '',
  }));
  const regions = readCsv(join(dir, 'mk_planning_regions.csv')).map((r): Region => ({
    code: field(r, 'region_code_nuts3'),
    nameEn: field(r, 'region_en'),
    nameMk: field(r, 'region_mk'),
    municipalities: num(r, 'n_municipalities'),
    pop2021: num(r, 'pop_2021'),
    pop2023: num(r, 'pop_2023_est'),
    areaKm2: num(r, 'area_km2'),
    source: field(r, 'source_pop_area'),
  }));
  const neMatches = readCsv(join(dir, 'ne_match_report.csv'))
    .filter((r) => r['country'] === 'MK')
    .map((r): NeMatch => ({
      iso: field(r, 'ne_iso_3166_2'),
      hasc: field(r, 'ne_code_hasc'),
      neName: field(r, 'ne_name'),
      neNameEn: r['ne_name_en'] ?? '',
      lau: field(r, 'matched_key'),
      status: field(r, 'match_status'),
    }));
  const national = readCsv(join(dir, 'mk_national_indicators.csv')).map((r): NationalFact => ({
    indicator: field(r, 'indicator'),
    value: num(r, 'value'),
    unit: field(r, 'unit'),
    date: field(r, 'reference_date'),
    source: field(r, 'source'),
  }));
  municipalities.sort((a, b) => (a.lau < b.lau ? -1 : a.lau > b.lau ? 1 : 0));
  regions.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { municipalities, regions, neMatches, national };
}

/** One national figure by indicator key and reference date prefix (e.g. '2020'). */
export function nationalValue(facts: Facts, indicator: string, datePrefix: string): NationalFact {
  const f = facts.national.find((n) => n.indicator === indicator && n.date.startsWith(datePrefix));
  if (f === undefined) throw new Error(`no national fact ${indicator} @ ${datePrefix}`);
  return f;
}
