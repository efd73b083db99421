// Row key → unit. Tries, in order: the id as written, the user's saved aliases, the name as
// written, folded (case, diacritics), transliterated (Cyrillic ↔ Latin), without kind-of-unit
// prefixes, and the units' aliases (name_alt). The first step that finds exactly one unit wins;
// several units at one step is ambiguous unless a preferred level decides.
import type { Unit } from '../model';
import type { UnitLevel } from '../keys';
import { foldName } from '../text/fold';
import type { JoinMethod, MatchMethod } from '../parse/types';
import { editDistance, stripKinds, strippedKey, translitKey } from './keys';

type KeyMap = Map<string, Set<string>>;

export interface UnitIndex {
  units: Map<string, Unit>;
  idFolded: KeyMap;
  exact: KeyMap;
  folded: KeyMap;
  translit: KeyMap;
  stripped: KeyMap;
  alias: KeyMap;
  /** foldName(alias) → unit id, chosen by the user. */
  userAliases: ReadonlyMap<string, string>;
}

function add(map: KeyMap, key: string, id: string): void {
  if (key === '') return;
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(id);
}

function namesOf(u: Unit): string[] {
  const out = [u.name];
  for (const v of Object.values(u.names)) if (typeof v === 'string' && v.trim() !== '') out.push(v);
  return out;
}

/** Index of units by id and by every name key. Build once per package. */
export function buildUnitIndex(units: readonly Unit[], userAliases: ReadonlyMap<string, string> = new Map()): UnitIndex {
  const idx: UnitIndex = {
    units: new Map(),
    idFolded: new Map(),
    exact: new Map(),
    folded: new Map(),
    translit: new Map(),
    stripped: new Map(),
    alias: new Map(),
    userAliases,
  };
  for (const u of units) {
    idx.units.set(u.id, u);
    add(idx.idFolded, foldName(u.id), u.id);
    for (const n of namesOf(u)) {
      add(idx.exact, n.trim(), u.id);
      add(idx.folded, foldName(n), u.id);
      const t = translitKey(n);
      add(idx.translit, t, u.id);
      add(idx.stripped, stripKinds(t), u.id);
    }
    for (const a of u.aliases) {
      add(idx.alias, foldName(a), u.id);
      const t = translitKey(a);
      add(idx.alias, t, u.id);
      add(idx.alias, stripKinds(t), u.id);
    }
  }
  return idx;
}

export interface MatchResult {
  unitId: string | null;
  method: JoinMethod;
  /** Units the key could mean, when ambiguous. */
  candidates: string[];
}

export interface MatchOptions {
  /** Level to prefer when a name fits units at several levels (Berat the qark, Berat the
   *  municipality). */
  preferLevel?: UnitLevel | null;
}

function decide(idx: UnitIndex, ids: Set<string> | undefined, method: MatchMethod, prefer: UnitLevel | null | undefined): MatchResult | null {
  if (!ids || ids.size === 0) return null;
  if (ids.size === 1) {
    const [only] = ids;
    return { unitId: only ?? null, method, candidates: [] };
  }
  const all = [...ids].sort();
  if (prefer) {
    const atLevel = all.filter((id) => idx.units.get(id)?.level === prefer);
    if (atLevel.length === 1 && atLevel[0]) return { unitId: atLevel[0], method, candidates: all };
  }
  return { unitId: null, method: 'ambiguous', candidates: all };
}

/** Finds the unit a row's key names. */
export function matchUnit(idx: UnitIndex, rawKey: string, opts: MatchOptions = {}): MatchResult {
  const key = rawKey.trim();
  if (key === '') return { unitId: null, method: 'unmatched', candidates: [] };
  const prefer = opts.preferLevel;
  if (idx.units.has(key)) return { unitId: key, method: 'exact_id', candidates: [] };
  const f = foldName(key);
  const user = idx.userAliases.get(f);
  if (user !== undefined && idx.units.has(user)) return { unitId: user, method: 'user_alias', candidates: [] };
  // the keys are made only when a step needs them (most keys match by id or name)
  let t: string | undefined;
  let st: string | undefined;
  const translit = (): string => (t ??= translitKey(key));
  const stripped = (): string => (st ??= stripKinds(translit()));
  const steps: [KeyMap, () => string, MatchMethod][] = [
    [idx.exact, () => key, 'exact_name'],
    [idx.idFolded, () => f, 'folded'],
    [idx.folded, () => f, 'folded'],
    [idx.translit, translit, 'transliterated'],
    [idx.stripped, stripped, 'prefix'],
    [idx.alias, () => f, 'alias'],
    [idx.alias, translit, 'alias'],
    [idx.alias, stripped, 'alias'],
  ];
  for (const [map, k, method] of steps) {
    const r = decide(idx, map.get(k()), method, prefer);
    if (r) return r;
  }
  return { unitId: null, method: 'unmatched', candidates: [] };
}

/** Up to `n` units whose names are closest to the key (for the user's choice). */
export function suggestUnits(idx: UnitIndex, rawKey: string, n = 3): string[] {
  const k = strippedKey(rawKey).slice(0, 80);
  if (k === '') return [];
  const cap = Math.max(2, Math.floor(k.length / 3));
  const scored: [number, string][] = [];
  for (const [key, ids] of idx.stripped) {
    const d = editDistance(k, key, cap);
    if (d <= cap) for (const id of ids) scored.push([d, id]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return [...new Set(scored.map((s) => s[1]))].slice(0, n);
}

export const isExactMethod = (m: JoinMethod): boolean => m === 'exact_id' || m === 'exact_name';
