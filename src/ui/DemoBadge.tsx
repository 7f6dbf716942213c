/** Marks anything that comes from the demo history, so it is never mistaken for the user's own. */
export const DemoBadge = () => (
  <span class="badge demo" title="From the fictional demo history, not your own data">
    demo
  </span>
);
