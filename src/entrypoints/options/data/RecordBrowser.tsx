import { useMemo, useState } from 'preact/hooks';
import type { DataStoreName } from '../../../messaging/methods/capture';
import { rpc } from '../../../messaging/client';
import { useLoaded } from '../../../ui/use-rpc';
import { searchRows, toRow } from './search';
import { t, type MessageKey } from '../../../ui/i18n';

const STORES: { id: DataStoreName; label: MessageKey }[] = [
  { id: 'pages', label: 'recordsPages' },
  { id: 'writings', label: 'recordsWritings' },
  { id: 'reactions', label: 'recordsReactions' },
];
const SHOWN = 200;
const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Browse, search and delete what Doppel stored. Everything is rendered as text. */
export const RecordBrowser = ({ onChange }: { onChange: () => void }) => {
  const [store, setStore] = useState<DataStoreName>('pages');
  const [query, setQuery] = useState('');
  const records = useLoaded(() => rpc('data.list', { store }), [store]);
  const rows = useMemo(() => (records.value ?? []).map(toRow).sort((a, b) => b.at - a.at), [records.value, store]);
  const hits = useMemo(() => searchRows(rows, query), [rows, query]);
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
        <span class="muted" data-testid="data-count">{hits.length}</span> <span class="muted">{t('recordsOfTotal', rows.length)}</span>
      </p>
      {records.error ? <p class="error" role="alert">{records.error}</p> : null}
      <table data-testid="data-table">
        <tbody>
          {hits.slice(0, SHOWN).map((row) => (
            <tr key={row.id}>
              <td style={{ maxWidth: '520px', overflowWrap: 'anywhere' }}>
                {row.title.slice(0, 300)}
                {row.detail ? <div class="muted">{row.detail.slice(0, 200)}</div> : null}
              </td>
              <td>{row.site}</td>
              <td>{Number.isFinite(row.at) ? time.format(row.at) : ''}</td>
              <td>
                <button type="button" class="secondary" aria-label={t('recordsDeleteNamed', row.title.slice(0, 40))} onClick={() => remove([row.id])}>
                  {t('recordsDelete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {query && hits.length ? (
        <button type="button" class="secondary" onClick={() => remove(hits.map((h) => h.id))}>
          {t('recordsDeleteMatches', hits.length)}
        </button>
      ) : null}
    </div>
  );
};
