import { describe, expect, it } from 'vitest';
import { findByPrefix, moveFocus } from '../../src/ui/embed/keyboard';
import { embedState, parseEmbedOptions, urlFor } from '../../src/ui/embed/params';
import { geometryPath } from '../../src/ui/embed/project';
import { escapeAttr, iframeSnippet } from '../../src/ui/embed/snippet';
import { DEFAULT_STATE, parseViewState, withRestParam } from '../../src/core/url';

describe('embed snippet', () => {
  it('escapes the URL and the title, and has title, lazy loading and a responsive width', () => {
    const html = iframeSnippet({ src: 'https://x.org/map/?embed=1&region=MK005', title: 'Map "A" <b>&', height: 600, resizeScript: null });
    expect(html).toContain('src="https://x.org/map/?embed=1&amp;region=MK005"');
    expect(html).toContain('title="Map &quot;A&quot; &lt;b&gt;&amp;"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('width="100%"');
    expect(html).toContain('height="600"');
    expect(html).not.toContain('<script');
    expect(escapeAttr(`'`)).toBe('&#39;');
  });

  it('adds the optional resize script on its own line', () => {
    const html = iframeSnippet({ src: 'https://x.org/', title: 't', height: 500, resizeScript: 'https://x.org/embed-resize.js' });
    expect(html.split('\n')[1]).toBe('<script src="https://x.org/embed-resize.js" async></script>');
  });
});

describe('embed parameters', () => {
  it('builds the embed URL of the current view, dropping app-only parameters', () => {
    const { state } = parseViewState('?view=compare&region=MK005&unit=MK00501&indicator=elderly&lang=mk&cmp=bars&suppress=7');
    const e = embedState(state, { services: true, height: 420 });
    const url = new URL(urlFor('https://x.org/map/index.html?old=1#h', e));
    expect(url.pathname).toBe('/map/index.html');
    expect(url.hash).toBe('');
    const p = url.searchParams;
    expect(p.get('embed')).toBe('1');
    expect(p.get('view')).toBeNull();
    expect(p.get('cmp')).toBeNull();
    expect([p.get('region'), p.get('unit'), p.get('indicator'), p.get('lang')]).toEqual(['MK005', 'MK00501', 'elderly', 'mk']);
    expect([p.get('layers'), p.get('height'), p.get('suppress')]).toEqual(['services', '420', '7']);
  });

  it('reads height within bounds, layers and table', () => {
    const s = (q: string) => parseEmbedOptions(parseViewState(q).state);
    expect(s('?embed=1&height=400&layers=services&table=1')).toEqual({ height: 400, services: true, table: true });
    expect(s('?embed=1&height=99999').height).toBeNull();
    expect(s('?embed=1&height=abc').height).toBeNull();
    expect(s('?embed=1').services).toBe(false);
    expect(parseEmbedOptions(withRestParam(DEFAULT_STATE, 'layers', 'x,services')).services).toBe(true);
  });
});

describe('embed keyboard navigation', () => {
  // a b c in a row, d below b.
  const points = new Map<string, [number, number]>([
    ['a', [0, 0]],
    ['b', [10, 0]],
    ['c', [20, 1]],
    ['d', [10, 10]],
  ]);
  const order = ['a', 'b', 'c', 'd'];
  it('moves to the nearest unit in the arrow direction', () => {
    expect(moveFocus(order, points, 'a', 'right')).toBe('b');
    expect(moveFocus(order, points, 'b', 'right')).toBe('c');
    expect(moveFocus(order, points, 'b', 'down')).toBe('d');
    expect(moveFocus(order, points, 'd', 'up')).toBe('b');
  });
  it('falls back to list order where nothing lies that way, so every unit is reachable', () => {
    expect(moveFocus(order, points, 'c', 'right')).toBe('d');
    expect(moveFocus(order, points, 'a', 'left')).toBe('d');
    expect(moveFocus(order, points, null, 'down')).toBe('a');
    const seen = new Set<string>();
    let cur: string | null = 'a';
    for (let i = 0; i < 8 && cur; i++) {
      seen.add(cur);
      cur = moveFocus(order, points, cur, 'right');
    }
    expect(seen.size).toBe(4);
  });
  it('type-ahead finds names and cycles with a repeated letter', () => {
    const units = [
      { id: '1', name: 'Bitola' },
      { id: '2', name: 'Berovo' },
      { id: '3', name: 'Čaška' },
    ];
    expect(findByPrefix(units, null, 'b', 'en')).toBe('1');
    expect(findByPrefix(units, '1', 'b', 'en')).toBe('2');
    expect(findByPrefix(units, '2', 'be', 'en')).toBe('2');
    expect(findByPrefix(units, null, 'č', 'mk')).toBe('3');
    expect(findByPrefix(units, null, 'x', 'en')).toBeNull();
  });
});

describe('embed SVG paths', () => {
  it('draws polygons with holes and multipolygons, dropping near-duplicate points', () => {
    const id = (x: number, y: number): [number, number] => [x, y];
    const d = geometryPath({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [3, 2], [3, 3], [2, 2]]] }, id);
    expect(d).toBe('M0.0 0.0L10.0 0.0L10.0 10.0L0.0 10.0L0.0 0.0ZM2.0 2.0L3.0 2.0L3.0 3.0L2.0 2.0Z');
    const dense = geometryPath({ type: 'MultiPolygon', coordinates: [[[[0, 0], [0.1, 0], [5, 0], [5, 5], [0, 0]]]] }, id);
    expect(dense).not.toContain('0.1 0.0');
    expect(geometryPath(null, id)).toBe('');
  });
});

describe('embed source line', () => {
  it('keeps distinct source names, drops per-row links and illustrative markers, caps the list', async () => {
    const { sourceLine } = await import('../../src/ui/embed/source');
    const rows = [
      'SSO Census 2021 (2021-09-05); https://example.org/a',
      'SSO Census 2021 (2021-09-05); https://example.org/b',
      'MakStat T1020P21; www.example.org/x',
      'illustrative',
      'Ministry register 2023',
      'Municipal survey',
    ];
    expect(sourceLine(rows)).toEqual({ names: ['SSO Census 2021 (2021-09-05)', 'MakStat T1020P21', 'Ministry register 2023'], more: 1 });
    expect(sourceLine(['illustrative'])).toEqual({ names: [], more: 0 });
  });
});
