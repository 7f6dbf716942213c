import { useEffect, useState } from 'preact/hooks';
import { SECTIONS } from './sections';
import { AppHeader } from './AppHeader';
import { t } from '../../ui/i18n';

/** `#persona`, or `#history/<record>` for a deep link into a section. */
const fromHash = () => SECTIONS.find((s) => s.id === location.hash.slice(1).split('/')[0]) ?? SECTIONS[0]!;

/** Options as an app: a header with engine and capture status, a sidebar of sections, one section per view. */
export const Options = () => {
  const [section, setSection] = useState(fromHash);
  useEffect(() => {
    const onHash = () => setSection(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t(section.label)} · ${t('appName')}`;
  }, [section]);
  const { View } = section;
  return (
    <div class="app">
      <AppHeader />
      <nav aria-label={t('optionsSectionsNav')} class="app-nav">
        {SECTIONS.map(({ id, label }) => (
          <a key={id} href={`#${id}`} aria-current={id === section.id ? 'page' : undefined}>
            {t(label)}
          </a>
        ))}
      </nav>
      <main class="app-main" data-section={section.id}>
        <View />
      </main>
    </div>
  );
};
