// Illustrative unused capacities (Form 1, 4.2) and illustrative planning norms.
import type { CapacityKind } from '../../src/core/keys';
import type { Cell } from './csv';
import { ILLUSTRATIVE } from './indicators';
import { samplePlace } from './places';
import { mulberry32 } from './prng';
import type { PlaceUnit } from './services';

export const CAPACITY_SEED = 20240202;
export const CAPACITY_COLUMNS = [
  'capacity_id',
  'unit_id',
  'kind',
  'description',
  'size',
  'size_unit',
  'lat',
  'lon',
  'source',
] as const;
export type CapacityRow = Record<(typeof CAPACITY_COLUMNS)[number], Cell>;

interface CapacityTemplate {
  kind: CapacityKind;
  description: string;
  size: readonly [number, number];
  step: number;
  sizeUnit: string;
  located: boolean;
}

const CAPACITY_TEMPLATES: readonly CapacityTemplate[] = [
  {
    kind: 'building',
    description: 'Former primary school building, unused',
    size: [300, 1200],
    step: 10,
    sizeUnit: 'm2',
    located: true,
  },
  {
    kind: 'building',
    description: 'Vacant municipal building, needs renovation',
    size: [150, 600],
    step: 10,
    sizeUnit: 'm2',
    located: true,
  },
  {
    kind: 'building',
    description: 'Former health post, empty',
    size: [80, 250],
    step: 5,
    sizeUnit: 'm2',
    located: true,
  },
  {
    kind: 'rooms',
    description: 'Unused rooms in the community centre',
    size: [2, 6],
    step: 1,
    sizeUnit: 'rooms',
    located: true,
  },
  {
    kind: 'rooms',
    description: 'Free rooms in the local Centre for Social Work office',
    size: [1, 3],
    step: 1,
    sizeUnit: 'rooms',
    located: true,
  },
  {
    kind: 'staff',
    description: 'Trained social workers with spare hours',
    size: [1, 3],
    step: 1,
    sizeUnit: 'FTE',
    located: false,
  },
  {
    kind: 'donor',
    description: 'Donor interested in co-funding a day centre',
    size: [20000, 80000],
    step: 5000,
    sizeUnit: 'EUR',
    located: false,
  },
  {
    kind: 'funding',
    description: 'Unspent social-protection line in the municipal budget',
    size: [500000, 3000000],
    step: 50000,
    sizeUnit: 'MKD',
    located: false,
  },
  {
    kind: 'other',
    description: 'Volunteer group available for home visits',
    size: [8, 30],
    step: 1,
    sizeUnit: 'persons',
    located: false,
  },
  {
    kind: 'other',
    description: 'Municipal land plot suitable for a day centre',
    size: [800, 3000],
    step: 100,
    sizeUnit: 'm2',
    located: true,
  },
];

/** Twenty unused capacities: two of each template, in municipalities drawn ∝ √population. */
export function buildCapacities(units: readonly PlaceUnit[]): CapacityRow[] {
  const rng = mulberry32(CAPACITY_SEED);
  const weights = units.map((u) => Math.sqrt(u.pop));
  const rows: CapacityRow[] = [];
  for (const t of [...CAPACITY_TEMPLATES, ...CAPACITY_TEMPLATES]) {
    const u = units[rng.weighted(weights)];
    if (u === undefined) throw new Error('no unit');
    const size = t.size[0] + t.step * rng.int(0, Math.floor((t.size[1] - t.size[0]) / t.step));
    const p = t.located ? samplePlace(rng, u.full, u.geometry) : null;
    rows.push({
      capacity_id: `MK-CAP-${String(rows.length + 1).padStart(2, '0')}`,
      unit_id: u.lau,
      kind: t.kind,
      description: `${t.description} – ${u.nameEn} (illustrative)`,
      size,
      size_unit: t.sizeUnit,
      lat: p?.lat ?? null,
      lon: p?.lon ?? null,
      source: ILLUSTRATIVE,
    });
  }
  return rows;
}

export const NORM_COLUMNS = ['service', 'category', 'places_per_1000', 'source', 'note'] as const;
export type NormRow = Record<(typeof NORM_COLUMNS)[number], Cell>;

/** Illustrative default norms: places of a service needed per 1,000 persons of a category. */
const NORMS: readonly (readonly [string, string, number, string])[] = [
  [
    'professional_help',
    'social_assistance_households',
    150,
    'casework for households on social assistance',
  ],
  ['information', 'social_assistance_households', 100, 'information and referral contacts'],
  ['counselling', 'social_assistance_households', 50, 'family counselling'],
  [
    'counselling',
    'dv_victims',
    500,
    'psychosocial support to half of reported victims at any time',
  ],
  ['counselling', 'children_at_risk', 100, 'family and parenting counselling'],
  ['prevention', 'children_at_risk', 200, 'early detection and preventive work'],
  ['home_care', 'elderly', 20, 'help and care at home, up to 80 h/month'],
  ['home_care', 'elderly_alone', 100, 'elderly persons living alone'],
  ['home_care', 'severe_disability', 100, 'help and care at home'],
  ['personal_assistance', 'severe_disability', 150, 'up to 80 h/month'],
  ['day_care', 'elderly', 10, 'day centre places'],
  ['day_care', 'persons_with_disabilities', 15, 'day centre places'],
  [
    'day_care',
    'children_at_risk',
    40,
    'day centre places for children at risk and street children',
  ],
  ['rehabilitation', 'persons_with_disabilities', 10, 'rehabilitation and reintegration'],
  ['temporary_stay', 'dv_victims', 100, 'shelter places (up to 3+3 months)'],
  ['temporary_stay', 'homeless', 300, 'shelter places'],
  ['temporary_stay', 'children_without_parental_care', 50, 'emergency places for children'],
  ['respite_care', 'severe_disability', 30, 'replacement of family care, up to 15 days a year'],
  ['halfway_house', 'children_without_parental_care', 40, 'young people leaving care'],
  ['supported_living', 'persons_with_disabilities', 5, 'units of up to 5 adults'],
  [
    'supported_living',
    'children_without_parental_care',
    100,
    'small group homes, up to 7 children',
  ],
  ['foster_care', 'children_without_parental_care', 300, 'foster family places'],
  ['residential_care', 'elderly', 8, 'places in homes for the elderly'],
  ['residential_care', 'persons_with_disabilities', 3, 'institutional places'],
];

export function buildNorms(): NormRow[] {
  return NORMS.map(([service, category, places, note]) => ({
    service,
    category,
    places_per_1000: places,
    source: ILLUSTRATIVE,
    note: `not an official norm: ${note}`,
  }));
}
