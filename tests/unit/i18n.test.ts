import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/core/i18n/messages';
import { formatNumber, t } from '../../src/core/i18n';

describe('i18n catalogues', () => {
  it('have every key in all three languages, non-empty', () => {
    const problems: string[] = [];
    for (const cat of catalogues) {
      const keys = new Set([...Object.keys(cat.en), ...Object.keys(cat.sq), ...Object.keys(cat.mk)]);
      for (const k of keys) {
        for (const lang of ['sq', 'mk', 'en'] as const) {
          const v = cat[lang][k];
          if (typeof v !== 'string' || v.trim() === '') problems.push(`${lang}: ${k}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes Macedonian in Cyrillic', () => {
    for (const cat of catalogues) {
      for (const [k, v] of Object.entries(cat.mk)) {
        const letters = v.replace(/\{\w+\}/g, '').match(/\p{L}/gu) ?? [];
        const latin = letters.filter((c) => /[A-Za-z]/.test(c)).length;
        // Allow product names and abbreviations, but most letters must be Cyrillic.
        if (letters.length > 12) expect(latin / letters.length, k).toBeLessThan(0.5);
      }
    }
  });

  it('interpolates parameters as text', () => {
    expect(t('en', 'missing.key.{x}', { x: '<b>' })).toBe('missing.key.<b>');
  });

  it('formats numbers for the locale', () => {
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
    expect(formatNumber('mk', 1234.5)).toMatch(/1\.234,5/);
  });
});
