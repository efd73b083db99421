import { t } from '../core/i18n';

export function App() {
  return (
    <main>
      <h1>{t('en', 'app.title')}</h1>
      <p>{t('en', 'app.tagline')}</p>
    </main>
  );
}
