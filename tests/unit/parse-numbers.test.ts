import { describe, expect, it } from 'vitest';
import { detectDecimal, parseNumber, voteDecimal } from '../../src/core/parse/numbers';

const cells = (...values: string[]) => values.map((value, i) => ({ value, row: i + 2, column: 'value' }));

describe('parseNumber', () => {
  const ok: [string, '.' | ',', number | null][] = [
    ['', '.', null],
    ['  ', ',', null],
    ['42', '.', 42],
    ['-3.5', '.', -3.5],
    ['1,234.5', '.', 1234.5],
    ['1,234,567', '.', 1234567],
    ['12,5', ',', 12.5],
    ['1.234,5', ',', 1234.5],
    ['1.234', ',', 1234],
    ['1.234', '.', 1.234],
    ['1 234,5', ',', 1234.5],
    ['1\u00a0234', '.', 1234],
    ['12,5 %', ',', 12.5],
    ['+7', '.', 7],
    ['\u22124', '.', -4],
    ['.5', '.', 0.5],
    ['1e3', '.', 1000],
  ];
  for (const [raw, d, want] of ok) {
    it(`reads ${JSON.stringify(raw)} with ${d} as ${want}`, () => expect(parseNumber(raw, d)).toEqual({ ok: true, value: want }));
  }
  const bad: [string, '.' | ','][] = [['abc', '.'], ['1.5', ','], ['1,5', '.'], ['1.2.3', '.'], ['12a', '.'], ['NaN', '.'], ['Infinity', '.'], ['--1', '.']];
  for (const [raw, d] of bad) {
    it(`refuses ${JSON.stringify(raw)} with ${d}`, () => expect(parseNumber(raw, d)).toEqual({ ok: false }));
  }
});

describe('decimal separator detection', () => {
  it('votes only on cells that decide', () => {
    expect(voteDecimal('12,5')).toBe(',');
    expect(voteDecimal('1.234,5')).toBe(',');
    expect(voteDecimal('1,234.5')).toBe('.');
    expect(voteDecimal('1.234.567')).toBe(',');
    expect(voteDecimal('0,125')).toBe(',');
    expect(voteDecimal('1.234')).toBe('ambiguous');
    expect(voteDecimal('2021')).toBeNull();
    expect(voteDecimal('MK00101')).toBeNull();
  });

  it('follows the deciding cells', () => {
    expect(detectDecimal(cells('1.234', '12,5'), ',').decimal).toBe(',');
    expect(detectDecimal(cells('1.234', '12,5', '3,25'), ';')).toMatchObject({ decimal: ',', ambiguous: null });
    expect(detectDecimal(cells('7.5', '8.25'), ',')).toMatchObject({ decimal: '.', ambiguous: null });
  });

  it('flags ambiguous thousands instead of guessing silently', () => {
    const d = detectDecimal(cells('48.463', '3.233', '10'), ',');
    expect(d.decimal).toBe('.');
    expect(d.ambiguous).toEqual({ count: 2, example: '48.463', row: 2, column: 'value' });
    expect(detectDecimal(cells('48.463'), ';').decimal).toBe(',');
  });
});
