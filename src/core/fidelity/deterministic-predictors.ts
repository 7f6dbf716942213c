import type { Predictor } from './predictors';

export { ECHO_WORDS, historyOnlyPredictor, personaOnlyPredictor, styleMatchPredictor } from './draft-predictor';

/** Pseudo-count of the global distribution mixed into each site's counts (backoff). */
export const SITE_PRIOR_WEIGHT = 2;

/**
 * Deterministic reactions, no model: with the persona, the user's past reaction frequencies on the
 * same site backed off to their overall frequencies (add-one); without it, uniform. Scroll depth:
 * the site's mean past depth (else the overall mean); without persona, 0.5.
 */
export const historyFrequencyPredictor: Predictor = {
  name: 'history-frequency',
  personaLabel: 'your past frequencies',
  baselineLabel: 'uniform',
  scoreReaction: async (item, options, persona) => {
    if (!persona) return options.map(() => 1 / options.length);
    const global = options.map((o) => persona.training.reactions.filter((r) => r.kind === o).length + 1);
    const globalSum = global.reduce((s, c) => s + c, 0);
    const site = options.map((o) => persona.training.reactions.filter((r) => r.kind === o && r.site === item.site).length);
    const mixed = site.map((c, k) => c + (SITE_PRIOR_WEIGHT * global[k]!) / globalSum);
    const sum = mixed.reduce((s, c) => s + c, 0);
    return mixed.map((c) => c / sum);
  },
  predictNumeric: async (item, persona) => {
    if (!persona) return 0.5;
    const depths = persona.training.reactions.filter((r) => r.kind === 'scroll' && typeof r.value === 'number');
    const onSite = depths.filter((r) => r.site === item.site);
    const pool = onSite.length ? onSite : depths;
    return pool.length ? pool.reduce((s, r) => s + r.value!, 0) / pool.length : 0.5;
  },
};
