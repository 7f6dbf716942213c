import { useEffect, useState } from 'preact/hooks';
import { SECTIONS } from './sections';
import { t } from '../../ui/i18n';

const fromHash = () => SECTIONS.find((s) => s.id === location.hash.slice(1)) ?? SECTIONS[0]!;

export const Options = () => {
  const [section, setSection] = useState(fromHash);
  useEffect(() => {
    const onHash = () => setSection(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const { View } = section;
  return (
    <div style={{ maxWidth: '880px', margin: '0 auto', padding: '1rem' }}>
      <header>
        <h1>{t('appName')}</h1>
        <p class="muted">{t('tagline')}</p>
        <nav aria-label={t('optionsSectionsNav')}>
          {SECTIONS.map(({ id, label }) => (
            <a key={id} href={`#${id}`} aria-current={id === section.id ? 'page' : undefined} style={{ marginRight: '1rem' }}>
              {t(label)}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <View />
      </main>
    </div>
  );
};
