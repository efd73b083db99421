import type { Catalogue } from './types';

export const docspage: Catalogue = {
  en: {
    'docs.page.form1': 'Regional Social Map (Form 1)',
    'docs.page.form2': 'Proposal on the need to develop social services (Form 2)',
  },
  sq: {
    'docs.page.form1': 'Harta sociale e rajonit të planifikimit (Formulari 1)',
    'docs.page.form2': 'Propozim për nevojën e zhvillimit të shërbimeve sociale (Formulari 2)',
  },
  mk: {
    'docs.page.form1': 'Социјална карта на планскиот регион (Образец 1)',
    'docs.page.form2': 'Предлог за потребата од развој на социјални услуги (Образец 2)',
  },
};
