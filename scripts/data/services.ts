// The illustrative `services` inventory: one Centre for Social Work per CSW seat (catchment =
// nearest seat in the same region) plus services drawn from catalogue.ts, each placed in a
// municipality chosen with probability ∝ population^0.7 and at a point inside it.
import type { ProviderType, ServiceStatus } from '../../src/core/keys';
import { CSW_SEATS, NGO_NAMES, PRIVATE_NAMES, TEMPLATES } from './catalogue';
import type { ServiceTemplate } from './catalogue';
import type { Cell } from './csv';
import type { AreaGeometry } from './geometry';
import { ILLUSTRATIVE } from './indicators';
import { samplePlace } from './places';
import type { Place } from './places';
import type { Rng } from './prng';
import { mulberry32 } from './prng';

export const SERVICE_SEED = 20240101;
export const SERVICE_COLUMNS = [
  'service_id',
  'name',
  'provider',
  'provider_type',
  'service',
  'target_groups',
  'unit_id',
  'lat',
  'lon',
  'capacity',
  'users',
  'status',
  'serves',
  'funding',
  'source',
] as const;
export type ServiceRow = Record<(typeof SERVICE_COLUMNS)[number], Cell>;

export interface PlaceUnit {
  lau: string;
  nameEn: string;
  region: string;
  pop: number;
  full: AreaGeometry;
  geometry: AreaGeometry;
  centre: [number, number];
  /** Neighbouring municipalities in the same region, sorted by unit_id. */
  neighbours: string[];
}

const dist2 = (a: PlaceUnit, b: PlaceUnit): number => {
  const kx = Math.cos((a.centre[1] * Math.PI) / 180);
  return ((a.centre[0] - b.centre[0]) * kx) ** 2 + (a.centre[1] - b.centre[1]) ** 2;
};

function funding(rng: Rng, type: ProviderType): string {
  const opts: Record<ProviderType, readonly (readonly [string, number])[]> = {
    public: [
      ['municipal', 6],
      ['state', 3],
      ['co_financed', 1],
    ],
    ngo: [
      ['donor', 5],
      ['co_financed', 3],
      ['municipal', 1],
      ['donor (EU grant)', 1],
    ],
    private: [
      ['user fees', 6],
      ['co_financed', 4],
    ],
    mixed: [['co_financed', 1]],
  };
  const o = opts[type];
  return o[rng.weighted(o.map((x) => x[1]))]?.[0] ?? 'co_financed';
}

function provider(rng: Rng, type: ProviderType, fund: string, town: string): string {
  if (type === 'public')
    return fund === 'state'
      ? `State public institution – ${town} (illustrative)`
      : `Municipality of ${town}`;
  if (type === 'ngo') return `Association "${rng.pick(NGO_NAMES)}" – ${town} (illustrative NGO)`;
  if (type === 'private')
    return `"${rng.pick(PRIVATE_NAMES)}" – ${town} (illustrative private provider)`;
  return `Municipality of ${town} with a local NGO (illustrative)`;
}

function status(rng: Rng, t: ServiceTemplate): ServiceStatus {
  const r = rng.next();
  if (r < 0.06) return 'planned';
  if (r < 0.1) return 'closed';
  if (r < 0.16) return 'partial';
  if (t.online && r < 0.4) return 'online';
  if (t.mobile && r < 0.4) return 'mobile';
  return 'active';
}

function users(
  rng: Rng,
  st: ServiceStatus,
  capacity: number | null,
  range: readonly [number, number] | undefined,
): number | null {
  if (st === 'planned') return null;
  if (st === 'closed') return 0;
  // Mostly below capacity; about 1 in 30 is overcrowded (users above capacity: a waiting list).
  const r = rng.next();
  const f = st === 'partial' ? 0.3 + 0.4 * r : r < 0.035 ? 1.1 : 0.55 + 0.4 * (r / 0.965);
  if (capacity !== null) return Math.max(1, Math.round(capacity * f));
  const [lo, hi] = range ?? [5, 50];
  return rng.int(lo, hi);
}

export function buildServices(units: readonly PlaceUnit[]): ServiceRow[] {
  const rng = mulberry32(SERVICE_SEED);
  const rows: ServiceRow[] = [];
  const byName = new Map(units.map((u) => [u.nameEn, u]));
  const id = (): string => `MK-SVC-${String(rows.length + 1).padStart(3, '0')}`;
  const at = (u: PlaceUnit): Place => samplePlace(rng, u.full, u.geometry);

  // Centres for Social Work: one per seat; each municipality goes to the nearest seat in its region.
  const seats = CSW_SEATS.map((n) => {
    const u = byName.get(n);
    if (u === undefined) throw new Error(`CSW seat ${n} is not a municipality name`);
    return u;
  }).sort((a, b) => (a.lau < b.lau ? -1 : 1));
  const catchment = new Map<string, string[]>(seats.map((s) => [s.lau, []]));
  for (const u of units) {
    const own = seats.filter((s) => s.region === u.region);
    const best = own.reduce<PlaceUnit | null>(
      (b, s) => (b === null || dist2(u, s) < dist2(u, b) ? s : b),
      null,
    );
    if (best === null) throw new Error(`no CSW seat in region ${u.region}`);
    catchment.get(best.lau)?.push(u.lau);
  }
  for (const s of seats) {
    const serves = catchment.get(s.lau) ?? [s.lau];
    const pop = units.filter((u) => serves.includes(u.lau)).reduce((t, u) => t + u.pop, 0);
    const town = s.lau === 'MK00814' ? 'Skopje' : s.nameEn;
    const p = at(s);
    rows.push({
      service_id: id(),
      name: `Centre for Social Work – ${town} (illustrative)`,
      provider: `PI Inter-municipal Centre for Social Work ${town} (illustrative)`,
      provider_type: 'public',
      service: 'professional_help',
      target_groups:
        'social_assistance_households;children_at_risk;children_without_parental_care;dv_victims;elderly;persons_with_disabilities',
      unit_id: s.lau,
      lat: p.lat,
      lon: p.lon,
      capacity: null,
      users: Math.round(pop * (0.015 + 0.01 * rng.next())),
      status: 'active',
      serves: serves.length > 1 ? serves.join(';') : '',
      funding: 'state',
      source: ILLUSTRATIVE,
    });
  }

  const weights = units.map((u) => Math.pow(u.pop, 0.7));
  for (const t of TEMPLATES) {
    for (let k = 0; k < t.count; k++) {
      const u = units[rng.weighted(weights)];
      if (u === undefined) throw new Error('no unit');
      const type = t.providers[rng.weighted(t.providers.map((p) => p[1]))]?.[0] ?? 'public';
      const fund = funding(rng, type);
      const st = status(rng, t);
      const cap =
        t.capacity === null || rng.next() < 0.1 ? null : rng.int(t.capacity[0], t.capacity[1]);
      let serves = '';
      if ((t.regional || st === 'mobile') && u.neighbours.length > 0 && rng.next() < 0.45) {
        const n = Math.min(u.neighbours.length, rng.int(1, 3));
        serves = [u.lau, ...u.neighbours.slice(0, n)].join(';');
      }
      const p = at(u);
      rows.push({
        service_id: id(),
        name: `${t.label} – ${u.nameEn} (illustrative)`,
        provider: provider(rng, type, fund, u.nameEn),
        provider_type: type,
        service: t.service,
        target_groups: t.targets.join(';'),
        unit_id: u.lau,
        lat: p.lat,
        lon: p.lon,
        capacity: cap,
        users: users(rng, st, cap, t.users),
        status: st,
        serves,
        funding: fund,
        source: ILLUSTRATIVE,
      });
    }
  }
  return rows;
}
