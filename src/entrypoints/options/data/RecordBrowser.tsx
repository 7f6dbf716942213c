import { useMemo, useRef, useState } from 'preact/hooks';
import type { DataStoreName } from '../../../messaging/methods/capture';
import { rpc } from '../../../messaging/client';
import { useLoaded } from '../../../ui/use-rpc';
import { VirtualList } from '../../../ui/VirtualList';
import { refineSearch, searchable, type SearchResult } from './search';
import { t, type MessageKey } from '../../../ui/i18n';

const STORES: { id: DataStoreName; label: MessageKey }[] = [
  { id: 'pages', label: 'recordsPages' },
  { id: 'writings', label: 'recordsWritings' },
  { id: 'reactions', label: 'recordsReactions' },
];
const ROW_HEIGHT = 64;
const LIST_HEIGHT = 480;
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Browse, search and delete what Doppel stored. Everything is rendered as text. */
export const RecordBrowser = ({ onChange }: { onChange: () => void }) => {
  const [store, setStore] = useState<DataStoreName>('pages');
  const [query, setQuery] = useState('');
  const records = useLoaded(() => rpc('data.list', { store }), [store]);
  const rows = useMemo(() => searchable(records.value ?? []), [records.value]);
  // Each keystroke that types on searches within the last one's rows.
  const last = useRef<SearchResult | null>(null);
  const hits = useMemo(() => (last.current = refineSearch(rows, query, last.current)).rows, [rows, query]);
  const remove = async (ids: string[]) => {
    await rpc('data.delete', { store, ids });
    records.reload();
    onChange();
  };
  return (
    <div data-testid="record-browser">
      <div role="tablist" aria-label={t('recordsTabs')}>
        {STORES.map((s) => (
          <button key={s.id} type="button" role="tab" aria-selected={s.id === store} class={s.id === store ? '' : 'secondary'} onClick={() => setStore(s.id)} style={{ marginRight: '0.5rem' }}>
            {t(s.label)}
          </button>
        ))}
      </div>
      <p>
        <input type="search" placeholder={t('recordsSearch')} aria-label={t('recordsSearchLabel')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="data-search" />{' '}
        <span class="muted" data-testid="data-count">{hits.length}</span> <span class="muted">{t('recordsOfTotal', rows.rows.length)}</span>
      </p>
      {records.error ? <p class="error" role="alert">{records.error}</p> : null}
      <VirtualList
        items={hits}
        rowHeight={ROW_HEIGHT}
        height={LIST_HEIGHT}
        label={t('recordsTabs')}
        testId="data-table"
        render={(row) => (
          <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-start' }}>
            <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
              {row.title.slice(0, 140)}
              {row.detail ? <div class="muted">{row.detail.slice(0, 120)}</div> : null}
            </div>
            <div>{row.site}</div>
            <div>{Number.isFinite(row.at) ? time.format(row.at) : ''}</div>
            <button type="button" class="secondary" aria-label={t('recordsDeleteNamed', row.title.slice(0, 40))} onClick={() => remove([row.id])}>
              {t('recordsDelete')}
            </button>
          </div>
        )}
      />
      {query && hits.length ? (
        <button type="button" class="secondary" onClick={() => remove(hits.map((h) => h.id))}>
          {t('recordsDeleteMatches', hits.length)}
        </button>
      ) : null}
    </div>
  );
};
