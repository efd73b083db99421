import { describe, expect, it } from 'vitest';
import { breaksText, parseBreaks, roundBreak } from '../../src/core/views/breaks';

describe('manual class limits typed by a user', () => {
  it('reads ; or spaces as separators, a decimal point or comma, and sorts', () => {
    expect(parseBreaks('10; 25,5; 40')).toEqual([10, 25.5, 40]);
    expect(parseBreaks(' 40  10.5 ')).toEqual([10.5, 40]);
    expect(parseBreaks('5;5;-2')).toEqual([-2, 5]);
    expect(parseBreaks(',5')).toEqual([0.5]);
  });
  it('refuses words, thousands separators, empty text and more than 8 limits', () => {
    expect(parseBreaks('')).toBeNull();
    expect(parseBreaks('10; abc')).toBeNull();
    expect(parseBreaks('1,000,5')).toBeNull();
    expect(parseBreaks('1e400')).toBeNull();
    expect(parseBreaks('1 2 3 4 5 6 7 8 9')).toBeNull();
  });
  it('shows limits rounded for reading and reads them back', () => {
    expect(roundBreak(1234.567)).toBe(1235);
    expect(roundBreak(12.345)).toBe(12.3);
    expect(roundBreak(0.12345)).toBe(0.12);
    expect(breaksText([10, 25.5])).toBe('10; 25.5');
    expect(parseBreaks(breaksText([10, 25.5, 1000]))).toEqual([10, 25.5, 1000]);
  });
});
