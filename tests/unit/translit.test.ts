import { describe, expect, it } from 'vitest';
import { cyrillicToLatin, latinToMkCyrillic } from '../../src/core/text/translit';

// The 80 municipalities of North Macedonia: Eurostat LAU Latin name (as in data/facts, with
// "X - Y" written "X-Y") and the official Macedonian Cyrillic name, checked by hand.
const MUNICIPALITIES: readonly (readonly [string, string])[] = [
  ['Veles', 'Велес'],
  ['Gradsko', 'Градско'],
  ['Demir Kapija', 'Демир Капија'],
  ['Kavadarci', 'Кавадарци'],
  ['Lozovo', 'Лозово'],
  ['Negotino', 'Неготино'],
  ['Rosoman', 'Росоман'],
  ['Sveti Nikole', 'Свети Николе'],
  ['Čaška', 'Чашка'],
  ['Berovo', 'Берово'],
  ['Vinica', 'Виница'],
  ['Delčevo', 'Делчево'],
  ['Zrnovci', 'Зрновци'],
  ['Karbinci', 'Карбинци'],
  ['Kočani', 'Кочани'],
  ['Makedonska Kamenica', 'Македонска Каменица'],
  ['Pehčevo', 'Пехчево'],
  ['Probištip', 'Пробиштип'],
  ['Češinovo-Obleševo', 'Чешиново-Облешево'],
  ['Štip', 'Штип'],
  ['Vevčani', 'Вевчани'],
  ['Debar', 'Дебар'],
  ['Debrca', 'Дебрца'],
  ['Kičevo', 'Кичево'],
  ['Makedonski Brod', 'Македонски Брод'],
  ['Ohrid', 'Охрид'],
  ['Plasnica', 'Пласница'],
  ['Struga', 'Струга'],
  ['Centar Župa', 'Центар Жупа'],
  ['Bogdanci', 'Богданци'],
  ['Bosilovo', 'Босилово'],
  ['Valandovo', 'Валандово'],
  ['Vasilevo', 'Василево'],
  ['Gevgelija', 'Гевгелија'],
  ['Dojran', 'Дојран'],
  ['Konče', 'Конче'],
  ['Novo Selo', 'Ново Село'],
  ['Radoviš', 'Радовиш'],
  ['Strumica', 'Струмица'],
  ['Bitola', 'Битола'],
  ['Demir Hisar', 'Демир Хисар'],
  ['Dolneni', 'Долнени'],
  ['Krivogaštani', 'Кривогаштани'],
  ['Kruševo', 'Крушево'],
  ['Mogila', 'Могила'],
  ['Novaci', 'Новаци'],
  ['Prilep', 'Прилеп'],
  ['Resen', 'Ресен'],
  ['Bogovinje', 'Боговиње'],
  ['Brvenica', 'Брвеница'],
  ['Vrapčište', 'Врапчиште'],
  ['Gostivar', 'Гостивар'],
  ['Želino', 'Желино'],
  ['Jegunovce', 'Јегуновце'],
  ['Mavrovo i Rostuše', 'Маврово и Ростуше'],
  ['Tearce', 'Теарце'],
  ['Tetovo', 'Тетово'],
  ['Kratovo', 'Кратово'],
  ['Kriva Palanka', 'Крива Паланка'],
  ['Kumanovo', 'Куманово'],
  ['Lipkovo', 'Липково'],
  ['Rankovce', 'Ранковце'],
  ['Staro Nagoričane', 'Старо Нагоричане'],
  ['Aerodrom', 'Аеродром'],
  ['Aračinovo', 'Арачиново'],
  ['Butel', 'Бутел'],
  ['Gazi Baba', 'Гази Баба'],
  ['Đorče Petrov', 'Ѓорче Петров'],
  ['Zelenikovo', 'Зелениково'],
  ['Ilinden', 'Илинден'],
  ['Karpoš', 'Карпош'],
  ['Kisela Voda', 'Кисела Вода'],
  ['Petrovec', 'Петровец'],
  ['Saraj', 'Сарај'],
  ['Sopište', 'Сопиште'],
  ['Studeničani', 'Студеничани'],
  ['Centar', 'Центар'],
  ['Čair', 'Чаир'],
  ['Čučer-Sandevo', 'Чучер-Сандево'],
  ['Šuto Orizari', 'Шуто Оризари'],
];

describe('latinToMkCyrillic', () => {
  it('writes all 80 municipality names as their official Cyrillic names', () => {
    expect(MUNICIPALITIES).toHaveLength(80);
    const wrong = MUNICIPALITIES.filter(([lat, cyr]) => latinToMkCyrillic(lat) !== cyr).map(
      ([lat, cyr]) => `${lat}: ${latinToMkCyrillic(lat)} ≠ ${cyr}`,
    );
    expect(wrong).toEqual([]);
  });

  it('handles the tricky letters and digraphs', () => {
    expect(latinToMkCyrillic('Čučer-Sandevo')).toBe('Чучер-Сандево');
    expect(latinToMkCyrillic('Đorče Petrov')).toBe('Ѓорче Петров');
    expect(latinToMkCyrillic('Gjorče Petrov')).toBe('Ѓорче Петров');
    expect(latinToMkCyrillic('Ǵorče Petrov')).toBe('Ѓорче Петров');
    expect(latinToMkCyrillic('Mavrovo i Rostuše')).toBe('Маврово и Ростуше');
    expect(latinToMkCyrillic('Džepčište')).toBe('Џепчиште');
    expect(latinToMkCyrillic('Dzvegor')).toBe('Ѕвегор');
    expect(latinToMkCyrillic('Kjafa')).toBe('Ќафа');
    expect(latinToMkCyrillic('Ḱafa')).toBe('Ќафа');
    expect(latinToMkCyrillic('Ćafa')).toBe('Ќафа');
    expect(latinToMkCyrillic('Ljubojno Njegovo')).toBe('Љубојно Његово');
    expect(latinToMkCyrillic('Češinovo - Obleševo')).toBe('Чешиново - Облешево');
  });

  it('preserves case, including all-capital digraphs', () => {
    expect(latinToMkCyrillic('ŠTIP')).toBe('ШТИП');
    expect(latinToMkCyrillic('LJUBOJNO')).toBe('ЉУБОЈНО');
    expect(latinToMkCyrillic('DŽEPČIŠTE')).toBe('ЏЕПЧИШТЕ');
    expect(latinToMkCyrillic('kičevo')).toBe('кичево');
  });

  it('accepts decomposed diacritics and Unicode digraph letters', () => {
    expect(latinToMkCyrillic('S\u030Ctip')).toBe('Штип');
    expect(latinToMkCyrillic('g\u0301')).toBe('ѓ');
    expect(latinToMkCyrillic('ǅep ǈubojno ǋegovo')).toBe('Џеп Љубојно Његово');
  });

  it('leaves digits, punctuation and foreign letters alone', () => {
    expect(latinToMkCyrillic('MK00101 (2021), qëw!')).toBe('МК00101 (2021), qëw!');
  });
});

describe('cyrillicToLatin', () => {
  it('round-trips every municipality name Cyrillic → Latin → Cyrillic', () => {
    const broken = MUNICIPALITIES.filter(
      ([, cyr]) => latinToMkCyrillic(cyrillicToLatin(cyr)) !== cyr,
    ).map(([, cyr]) => `${cyr} → ${cyrillicToLatin(cyr)}`);
    expect(broken).toEqual([]);
  });

  it('writes Macedonian letters with diacritics and digraphs', () => {
    expect(cyrillicToLatin('Ѓорче Петров')).toBe('Gjorče Petrov');
    expect(cyrillicToLatin('Чучер-Сандево')).toBe('Čučer-Sandevo');
    expect(cyrillicToLatin('Ќафа Ѕвегор Џепчиште')).toBe('Kjafa Dzvegor Džepčište');
    expect(cyrillicToLatin('Желино Јегуновце Боговиње Љубојно')).toBe(
      'Želino Jegunovce Bogovinje Ljubojno',
    );
  });

  it('writes Serbian letters', () => {
    expect(cyrillicToLatin('Ђорђе Ћуприја')).toBe('Đorđe Ćuprija');
  });

  it('keeps all-capital words all-capital', () => {
    expect(cyrillicToLatin('ЉУБОЈНО')).toBe('LJUBOJNO');
    expect(cyrillicToLatin('ЏЕП')).toBe('DŽEP');
    expect(cyrillicToLatin('ОЉ')).toBe('OLJ');
    expect(cyrillicToLatin('Љ')).toBe('Lj');
  });

  it('leaves Latin text, digits and punctuation alone', () => {
    expect(cyrillicToLatin('Bitola 2021 – Битола!')).toBe('Bitola 2021 – Bitola!');
  });
});
