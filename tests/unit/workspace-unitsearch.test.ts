import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/model';
import { searchUnits, unitChoices } from '../../src/core/workspace/unitSearch';

const u = (id: string, name: string, names: Unit['names'] = {}, aliases: string[] = [], level: Unit['level'] = 'municipality'): Unit => ({ id, name, names, level, parentId: null, aliases, geometry: null });
const units = [
  u('MK', 'North Macedonia', {}, [], 'country'),
  u('MK00307', 'Kičevo', { mk: 'Кичево', sq: 'Kërçovë' }, ['Kichevo']),
  u('MK00101', 'Veles', { mk: 'Велес' }),
  u('MK00109', 'Čaška', { mk: 'Чашка' }, ['Chashka']),
  u('MK00508', 'Prilep', { mk: 'Прилеп' }),
];
const choices = unitChoices(units);

describe('unit search for the assignment box', () => {
  it('finds a unit across scripts, case and diacritics', () => {
    expect(searchUnits(choices, 'kicevo')).toEqual(['MK00307']);
    expect(searchUnits(choices, 'КИЧ')).toEqual(['MK00307']);
    expect(searchUnits(choices, 'kerc')).toEqual(['MK00307']);
    expect(searchUnits(choices, 'caska')).toEqual(['MK00109']);
    expect(searchUnits(choices, 'mk0010')).toEqual(['MK00101', 'MK00109']);
  });
  it('ranks prefix matches first, leaves out the country and empty queries', () => {
    // Veles starts with "ve"; Kičevo only contains it
    expect(searchUnits(choices, 've')).toEqual(['MK00101', 'MK00307']);
    expect(searchUnits(choices, 'north')).toEqual([]);
    expect(searchUnits(choices, '  ')).toEqual([]);
  });
});
