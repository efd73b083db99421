// Form 1, chapters 4 and 5: services and capacities available (4.1 by group with capacity and
// the presence matrix, 4.2 unused capacities) and the needed services (from the priorities).
import { isActiveStatus } from '../gaps/types';
import { SERVICE_GROUPS, SERVICE_GROUP_OF, isServiceKey } from '../keys';
import { isIllustrative, type Service } from '../model';
import type { DocContext } from './context';
import { rich, type Block, type TableRow } from './model';
import { cooperationText } from './proposal';

const h = (level: 1 | 2 | 3, id: string, text: string): Block => ({ type: 'heading', level, id, text });
/** Cooperation suggestions listed in chapter 5 (the app shows them all). */
export const MAX_COOPERATION = 12;

const groupOf = (service: string): string => (isServiceKey(service) ? SERVICE_GROUP_OF[service] : 'other');

/** Municipalities of the region a service serves (its catchment, else where it stands). */
export function servedMunicipalities(ctx: DocContext, s: Service): string[] {
  const out = new Set<string>();
  const targets = s.serves.length ? s.serves : s.unitId ? [s.unitId] : [];
  for (const id of targets) {
    const m = ctx.muniOf(id);
    if (m) out.add(m);
    else for (const mu of ctx.munis) if (mu.id === id || ctx.ds.hierarchy.ancestors(mu.id).some((a) => a.id === id)) out.add(mu.id);
  }
  if (!out.size) for (const u of ctx.gaps.loads.get(s.id)?.units ?? []) {
    const m = ctx.muniOf(u);
    if (m) out.add(m);
  }
  return [...out];
}

export type Presence = 'present' | 'partial' | 'absent';

/** Municipality × service group: an active service present, only partial/online/mobile, or none. */
export function presenceMatrix(ctx: DocContext): Map<string, Map<string, Presence>> {
  const m = new Map<string, Map<string, Presence>>(ctx.munis.map((u) => [u.id, new Map(SERVICE_GROUPS.map((g) => [g, 'absent' as Presence]))]));
  for (const s of ctx.pkg.services) {
    if (!isActiveStatus(s.status)) continue;
    const level: Presence = s.status === 'active' ? 'present' : 'partial';
    for (const mu of servedMunicipalities(ctx, s)) {
      const row = m.get(mu);
      const g = groupOf(s.service);
      if (row && row.get(g) !== 'present') row.set(g, level);
    }
  }
  return m;
}

function chapter4_1(ctx: DocContext): Block[] {
  const out: Block[] = [h(2, 'ch4.1', ctx.tr('docs.f1.ch4_1')), { type: 'paragraph', runs: [{ text: ctx.tr('docs.f1.ch4.intro') }] }];
  const inRegion = ctx.pkg.services.map((s) => ({ s, munis: servedMunicipalities(ctx, s) })).filter((x) => x.munis.length);
  const active = inRegion.filter((x) => isActiveStatus(x.s.status));
  const rows: TableRow[] = [];
  for (const g of SERVICE_GROUPS) {
    const inGroup = active.filter((x) => groupOf(x.s.service) === g);
    if (!inGroup.length) continue;
    rows.push({ key: `group:${g}`, section: true, cells: [{ text: ctx.tr(`group.${g}`) }] });
    const keys = [...new Set(inGroup.map((x) => x.s.service))];
    for (const key of keys) {
      const list = inGroup.filter((x) => x.s.service === key);
      const known = list.filter((x) => x.s.capacity !== null);
      const withUsers = list.filter((x) => x.s.users !== null);
      const capacity = known.length ? known.reduce((a, x) => a + (x.s.capacity ?? 0), 0) : null;
      const users = withUsers.length ? withUsers.reduce((a, x) => a + (x.s.users ?? 0), 0) : null;
      const munis = [...new Set(list.flatMap((x) => x.munis))];
      const label = isServiceKey(key) ? ctx.svc(key) : key;
      rows.push({
        key: `service:${key}`,
        cells: [
          { text: label },
          ctx.cell(`f1.providers:${key}`, list.length, 0, `${label} · ${ctx.tr('docs.providers')}`),
          ctx.cell(`f1.capacity:${key}`, capacity, 0, `${label} · ${ctx.tr('docs.capacity')}`),
          ctx.cell(`f1.users:${key}`, users, 0, `${label} · ${ctx.tr('docs.users')}`),
          ctx.cell(`f1.unknown:${key}`, list.length - known.length, 0, `${label} · ${ctx.tr('docs.unknown_capacity')}`),
          { text: ctx.munis.filter((m) => munis.includes(m.id)).map((m) => ctx.name(m)).join(', ') },
        ],
      });
    }
  }
  if (rows.length) {
    out.push({
      type: 'table',
      id: 'f1.services',
      caption: ctx.tr('docs.f1.t.services', { n: ctx.nextTable() }),
      columns: [
        { key: 'service', label: ctx.tr('docs.service'), width: 2 },
        { key: 'providers', label: ctx.tr('docs.providers'), align: 'right', width: 0.9 },
        { key: 'capacity', label: ctx.tr('docs.capacity'), align: 'right', width: 0.9 },
        { key: 'users', label: ctx.tr('docs.users'), align: 'right', width: 0.9 },
        { key: 'unknown', label: ctx.tr('docs.unknown_capacity'), align: 'right', width: 0.9 },
        { key: 'munis', label: ctx.tr('docs.municipalities_served'), width: 2.2 },
      ],
      rows,
    });
  } else out.push({ type: 'paragraph', runs: [{ text: ctx.tr('docs.none') }] });

  const presence = presenceMatrix(ctx);
  const groups = SERVICE_GROUPS.filter((g) => g !== 'other' || active.some((x) => groupOf(x.s.service) === 'other'));
  out.push({
    type: 'table',
    id: 'f1.presence',
    caption: ctx.tr('docs.f1.t.presence', { n: ctx.nextTable() }),
    columns: [{ key: 'name', label: ctx.tr('docs.municipality'), width: 1.6 }, ...groups.map((g) => ({ key: g, label: ctx.tr(`group.${g}`), align: 'center' as const, width: 1 }))],
    rows: ctx.munis.map((m) => ({
      key: m.id,
      cells: [{ text: ctx.name(m) }, ...groups.map((g) => ({ text: ctx.tr(`docs.presence.${presence.get(m.id)?.get(g) ?? 'absent'}`) }))],
    })),
    note: ctx.tr('docs.presence.legend'),
  });

  if (inRegion.length) {
    const sources = [...new Set(inRegion.map((x) => x.s.source).filter(Boolean))];
    out.push({
      type: 'table',
      id: 'f1.providers',
      caption: ctx.tr('docs.f1.t.providers', { n: ctx.nextTable() }),
      columns: [
        { key: 'name', label: ctx.tr('docs.name'), width: 2.2 },
        { key: 'provider', label: ctx.tr('docs.providers'), width: 1.6 },
        { key: 'type', label: ctx.tr('docs.provider_type'), width: 0.8 },
        { key: 'service', label: ctx.tr('docs.service'), width: 1.5 },
        { key: 'munis', label: ctx.tr('docs.municipality'), width: 1.4 },
        { key: 'capacity', label: ctx.tr('docs.capacity'), align: 'right', width: 0.8 },
        { key: 'status', label: ctx.tr('docs.status'), width: 0.9 },
      ],
      rows: inRegion.map(({ s, munis }) => ({
        key: s.id,
        cells: [
          { text: s.name },
          { text: s.provider },
          { text: ctx.tr(`provider.${s.providerType}`) === `provider.${s.providerType}` ? String(s.providerType) : ctx.tr(`provider.${s.providerType}`) },
          { text: isServiceKey(s.service) ? ctx.svc(s.service) : s.service },
          { text: ctx.munis.filter((m) => munis.includes(m.id)).map((m) => ctx.name(m)).join(', ') },
          ctx.cell(`f1.service_capacity:${s.id}`, s.capacity, 0, `${s.name} · ${ctx.tr('docs.capacity')}`),
          { text: ctx.tr(`status.${s.status}`) },
        ],
      })),
      ...(sources.length ? { note: ctx.tr('docs.source', { sources: sources.join('; ') }) } : {}),
    });
    if (inRegion.some((x) => isIllustrative(x.s.source))) out.push({ type: 'note', kind: 'illustrative', text: ctx.tr('docs.illustrative') });
  }
  return out;
}

function chapter4_2(ctx: DocContext): Block[] {
  const out: Block[] = [h(2, 'ch4.2', ctx.tr('docs.f1.ch4_2'))];
  const caps = ctx.pkg.capacities.filter((c) => ctx.muniOf(c.unitId) !== null || c.unitId === ctx.region.id);
  if (caps.length) {
    const sources = [...new Set(caps.map((c) => c.source).filter(Boolean))];
    out.push({
      type: 'table',
      id: 'f1.unused',
      caption: ctx.tr('docs.f1.t.unused', { n: ctx.nextTable() }),
      columns: [
        { key: 'muni', label: ctx.tr('docs.municipality'), width: 1.3 },
        { key: 'kind', label: ctx.tr('docs.kind'), width: 1.5 },
        { key: 'description', label: ctx.tr('docs.description'), width: 3 },
        { key: 'size', label: ctx.tr('docs.size'), align: 'right', width: 1 },
      ],
      rows: caps.map((c) => {
        const kindKey = `docs.kind.${c.kind}`;
        const kind = ctx.tr(kindKey) === kindKey ? String(c.kind) : ctx.tr(kindKey);
        return {
          key: c.id,
          cells: [
            { text: ctx.name(ctx.muniOf(c.unitId) ?? c.unitId) },
            { text: kind },
            { text: c.description },
            c.size === null ? { text: '–' } : { text: `${ctx.num(c.size)} ${c.sizeUnit}`.trim(), num: { key: `f1.unused:${c.id}`, value: c.size } },
          ],
        };
      }),
      ...(sources.length ? { note: ctx.tr('docs.source', { sources: sources.join('; ') }) } : {}),
    });
    if (caps.some((c) => isIllustrative(c.source))) out.push({ type: 'note', kind: 'illustrative', text: ctx.tr('docs.illustrative') });
  } else out.push({ type: 'paragraph', runs: [{ text: ctx.tr('docs.f1.ch4_2.none') }] });
  out.push({ type: 'field', id: 'f1.unused.note', label: ctx.tr('docs.f1.ch4_2.note'), defaultText: rich(ctx.tr('docs.f1.ch4_2.note.default')), userText: null });
  return out;
}

export function chapter4(ctx: DocContext): Block[] {
  return [h(1, 'ch4', ctx.tr('docs.f1.ch4')), ...chapter4_1(ctx), ...chapter4_2(ctx)];
}

export function chapter5(ctx: DocContext): Block[] {
  const out: Block[] = [h(1, 'ch5', ctx.tr('docs.f1.ch5'))];
  const ps = ctx.priorities;
  if (!ps.length) {
    out.push({ type: 'paragraph', runs: [{ text: ctx.tr('docs.f1.no_needs') }] });
  } else {
    out.push({ type: 'paragraph', runs: [{ text: ctx.tr('docs.f1.ch5.intro') }] });
    out.push({
      type: 'table',
      id: 'f1.needed',
      caption: ctx.tr('docs.f1.t.needed', { n: ctx.nextTable() }),
      columns: [
        { key: 'rank', label: ctx.tr('docs.rank'), align: 'right', width: 0.4 },
        { key: 'service', label: ctx.tr('docs.service'), width: 1.6 },
        { key: 'category', label: ctx.tr('docs.category'), width: 1.6 },
        { key: 'need', label: ctx.tr('docs.need'), align: 'right', width: 0.8 },
        { key: 'supply', label: ctx.tr('docs.supply'), align: 'right', width: 0.8 },
        { key: 'gap', label: ctx.tr('docs.gap'), align: 'right', width: 0.8 },
        { key: 'deserts', label: ctx.tr('docs.deserts'), width: 1.6 },
        { key: 'score', label: ctx.tr('docs.score'), align: 'right', width: 0.7 },
      ],
      rows: ps.map((p, i) => {
        const k = `${p.service}:${p.category}`;
        const l = `${ctx.svc(p.service)} · ${ctx.cat(p.category)}`;
        return {
          key: k,
          cells: [
            { text: String(i + 1) },
            { text: ctx.svc(p.service) },
            { text: ctx.cat(p.category) },
            ctx.cell(`f1.need:${k}`, p.need, 0, `${l} · ${ctx.tr('docs.need')}`),
            ctx.cell(`f1.supply:${k}`, p.supply, 0, `${l} · ${ctx.tr('docs.supply')}`),
            ctx.cell(`f1.gap:${k}`, p.gap, 0, `${l} · ${ctx.tr('docs.gap')}`),
            { text: p.desertUnits.map((u) => ctx.name(u)).join(', ') || '–' },
            ctx.cell(`f1.score:${k}`, p.score, 1),
          ],
        };
      }),
    });
    if (ctx.cooperation.length) {
      out.push(h(2, 'ch5.cooperation', ctx.tr('docs.f1.cooperation')));
      const shown = ctx.cooperation.slice(0, MAX_COOPERATION);
      out.push({ type: 'list', ordered: false, items: shown.map((c) => [{ text: cooperationText(ctx, c) }]) });
      if (ctx.cooperation.length > shown.length) out.push({ type: 'paragraph', runs: [{ text: ctx.tr('docs.f1.coop.more', { n: ctx.cooperation.length - shown.length }) }] });
    }
  }
  const list = ps.slice(0, 3).map((p) => `${ctx.svc(p.service)} (${ctx.cat(p.category).toLocaleLowerCase(ctx.lang)})`);
  out.push(h(2, 'ch5.summary', ctx.tr('docs.f1.ch5.summary')));
  out.push({ type: 'field', id: 'f1.needed.summary', label: ctx.tr('docs.f1.ch5.summary'), defaultText: rich(list.length ? ctx.tr('docs.f1.ch5.summary.default', { list: list.join('; ') }) : ctx.tr('docs.fill_in')), userText: null });
  if (ctx.gaps.defaultNorms || ps.some((p) => p.illustrative)) out.push({ type: 'note', kind: 'illustrative', text: ctx.tr('docs.illustrative') });
  return out;
}
