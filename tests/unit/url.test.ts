import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseViewState, reconcileViewState, serializeViewState, type ViewState } from '../../src/core/url';

const runs = Number(process.env.FUZZ_RUNS ?? 1000);

describe('URL codec', () => {
  it('round-trips a full state', () => {
    const s: ViewState = {
      ...DEFAULT_STATE,
      view: 'gaps',
      region: 'MK005',
      unit: 'MK00501',
      indicator: 'elderly',
      measure: 'per1000',
      classification: 'manual',
      classes: 4,
      breaks: [10, 20.5],
      lang: 'mk',
      embed: true,
      rest: [['service', 'day_care']],
    };
    const { state, notes } = parseViewState('?' + serializeViewState(s));
    expect(notes).toEqual([]);
    expect(state).toEqual(s);
  });

  it('omits defaults', () => {
    expect(serializeViewState(DEFAULT_STATE)).toBe('');
  });

  it('falls back on invalid parameters with a note', () => {
    const { state, notes } = parseViewState('lang=de&k=99&measure=x&region=<script>');
    expect(state.lang).toBe(DEFAULT_STATE.lang);
    expect(state.classes).toBe(DEFAULT_STATE.classes);
    expect(state.region).toBeNull();
    expect(notes.map((n) => n.param).sort()).toEqual(['k', 'lang', 'measure', 'region']);
  });

  it('refuses javascript: package URLs', () => {
    const { state, notes } = parseViewState('package=javascript:alert(1)');
    expect(state.package).toBeNull();
    expect(notes).toHaveLength(1);
  });

  it('keeps prototype keys inert', () => {
    const { state } = parseViewState('__proto__=x&constructor=y&lang=en');
    expect(state.lang).toBe('en');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  });

  it('reconciles unknown ids against the data', () => {
    const { state, notes } = reconcileViewState(
      { ...DEFAULT_STATE, region: 'NOPE', indicator: 'population' },
      { unitIds: new Set(['A']), regionIds: new Set(['R']), indicators: new Set(['population']) },
    );
    expect(state.region).toBeNull();
    expect(state.indicator).toBe('population');
    expect(notes).toEqual([{ param: 'region', value: 'NOPE', reason: 'unknown_unit' }]);
  });

  it('never throws and always round-trips what it parsed (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const { state } = parseViewState(s);
        const again = parseViewState(serializeViewState(state)).state;
        expect(again).toEqual(state);
      }),
      { numRuns: runs },
    );
  });
});
