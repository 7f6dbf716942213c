import { rpc } from '../../messaging/client';
import { DemoBadge } from '../../ui/DemoBadge';
import { useLoaded } from '../../ui/use-rpc';
import { t } from '../../ui/i18n';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const HistorySection = () => {
  const pages = useLoaded(() => rpc('pages.list', { limit: 200 }));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <p class="muted">{t('historyIntro')}</p>
      {pages.error ? <p class="error" role="alert">{pages.error}</p> : null}
      {pages.value && pages.value.length === 0 ? <p>{t('historyEmpty')}</p> : null}
      {pages.value?.length ? (
        <table data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">{t('historyTitle')}</th>
              <th scope="col">{t('historySite')}</th>
              <th scope="col">{t('historyLastVisit')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.value.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.title}
                  {p.demo ? <DemoBadge /> : null}
                </td>
                <td>{p.site}</td>
                <td>{time.format(p.lastVisit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
