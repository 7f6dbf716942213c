import { useEffect, useState } from 'preact/hooks';
import { HistorySection } from './HistorySection';
import { ModelSection } from './ModelSection';

const SECTIONS = { model: { label: 'Model', View: ModelSection }, history: { label: 'History', View: HistorySection } } as const;
type SectionId = keyof typeof SECTIONS;

const fromHash = (): SectionId => {
  const id = location.hash.slice(1);
  return id in SECTIONS ? (id as SectionId) : 'model';
};

export const Options = () => {
  const [section, setSection] = useState<SectionId>(fromHash);
  useEffect(() => {
    const onHash = () => setSection(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const { View } = SECTIONS[section];
  return (
    <div style={{ maxWidth: '880px', margin: '0 auto', padding: '1rem' }}>
      <header>
        <h1>Doppel</h1>
        <p class="muted">A private model of you, built and run on this device. Nothing you do leaves it.</p>
        <nav aria-label="Sections">
          {Object.entries(SECTIONS).map(([id, { label }]) => (
            <a key={id} href={`#${id}`} aria-current={id === section ? 'page' : undefined} style={{ marginRight: '1rem' }}>
              {label}
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
