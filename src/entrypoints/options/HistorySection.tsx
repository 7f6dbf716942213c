import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PageSummary } from '../../core/model/records';
import { rpc } from '../../messaging/client';
import { DemoBadge } from '../../ui/DemoBadge';
import { VirtualList } from '../../ui/VirtualList';
import { t } from '../../ui/i18n';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
/** Rows fetched per request: a few screens. */
const BLOCK = 100;
const ROW_HEIGHT = 44;
const LIST_HEIGHT = 528;

const Row = ({ page }: { page: PageSummary | undefined }) =>
  page ? (
    <div class="history-row">
      <span class="history-title" title={page.title}>
        {page.title}
        {page.demo ? <DemoBadge /> : null}
      </span>
      <span class="history-site">{page.site}</span>
      <span class="history-time">{time.format(page.lastVisit)}</span>
    </div>
  ) : (
    <div class="history-row muted">{t('historyLoadingRow')}</div>
  );

/**
 * Every page Doppel read, last visited first. The list renders only the rows in view and fetches
 * them a block at a time, so a lifetime of history (50k pages) opens as fast as a few.
 */
export const HistorySection = () => {
  const [total, setTotal] = useState<number | null>(null);
  const [blocks, setBlocks] = useState<ReadonlyMap<number, PageSummary[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(new Set<number>());
  const load = useCallback((block: number) => {
    if (asked.current.has(block)) return;
    asked.current.add(block);
    rpc('pages.window', { offset: block * BLOCK, limit: BLOCK }).then(
      (answer) => {
        setTotal(answer.total);
        setBlocks((known) => new Map(known).set(block, answer.pages));
      },
      (failure: unknown) => {
        asked.current.delete(block);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }, []);
  useEffect(() => load(0), [load]);
  const onRange = useCallback(
    (first: number, last: number) => {
      for (let b = Math.floor(first / BLOCK); b * BLOCK < last; b++) load(b);
    },
    [load],
  );
  const rows = useMemo(() => Array.from({ length: total ?? 0 }, (_, i) => blocks.get(Math.floor(i / BLOCK))?.[i % BLOCK]), [total, blocks]);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <p class="muted">{t('historyIntro')}</p>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {total === 0 ? <p>{t('historyEmpty')}</p> : null}
      {total ? (
        <>
          <p class="muted small" data-testid="history-count">
            {t('historyCount', total.toLocaleString())}
          </p>
          <div class="history-row history-head" aria-hidden="true">
            <span class="history-title">{t('historyTitle')}</span>
            <span class="history-site">{t('historySite')}</span>
            <span class="history-time">{t('historyLastVisit')}</span>
          </div>
          <VirtualList items={rows} rowHeight={ROW_HEIGHT} height={LIST_HEIGHT} label={t('historyHeading')} testId="history-table" onRange={onRange} render={(page) => <Row page={page} />} />
        </>
      ) : null}
    </section>
  );
};
