import { rpc } from '../../messaging/client';
import { DemoBadge } from '../../ui/DemoBadge';
import { useLoaded } from '../../ui/use-rpc';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const HistorySection = () => {
  const pages = useLoaded(() => rpc('pages.list', { limit: 200 }));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <p class="muted">Pages Doppel has read, stored only on this device.</p>
      {pages.error ? <p class="error" role="alert">{pages.error}</p> : null}
      {pages.value && pages.value.length === 0 ? <p>Nothing captured yet. Browse as usual and pages will appear here.</p> : null}
      {pages.value?.length ? (
        <table data-testid="history-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Site</th>
              <th scope="col">Last visit</th>
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
