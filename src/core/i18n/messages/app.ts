import type { Catalogue } from './types';

export const app: Catalogue = {
  en: {
    'app.title': 'social-map',
    'app.tagline': 'Social services by planning region',
    'app.loading': 'Loading data…',
    'app.language': 'Language',
  },
  sq: {
    'app.title': 'social-map',
    'app.tagline': 'Shërbimet sociale sipas rajonit të planifikimit',
    'app.loading': 'Po ngarkohen të dhënat…',
    'app.language': 'Gjuha',
  },
  mk: {
    'app.title': 'social-map',
    'app.tagline': 'Социјални услуги по плански регион',
    'app.loading': 'Се вчитуваат податоците…',
    'app.language': 'Јазик',
  },
};
