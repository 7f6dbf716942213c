import type { GenerateRequest, LlmEngine } from '../engine/port';
import { draftFlaw } from '../prompting/draft-quality';
import { applyWriting, emptyStyle, styleCard } from '../persona/style';
import { styleScore } from '../persona/style-match';
import type { StyleCard } from '../persona/types';
import { MAX_CANDIDATES, rankCandidates } from '../tasks/draft-candidates';
import { cleanEngineDraft, engineDraftRequest, type EnginePredictorOptions } from './engine-predictors';
import type { DraftItem } from './items';
import type { PersonaContext, Predictor } from './predictors';

/** The style card a held-out item may be matched against: the persona's, else one of the writings before it. */
const cardOf = (persona: PersonaContext): StyleCard =>
  persona.style ?? styleCard(persona.training.writings.reduce((acc, w) => applyWriting(acc, w.text, w.site), emptyStyle()));

/**
 * What reranking gains: the engine writes `candidates` drafts per item, as the product does (the
 * first as a task would, the others sampled hotter with their own seeds), and both arms see the
 * same drafts. Baseline: the first draft; persona arm: the one the product would show (best style
 * match, flawed and empty drafts last). The paired difference of the report is the rerank gain.
 */
export const rerankPredictor = (engine: Pick<LlmEngine, 'generate'>, options: EnginePredictorOptions & { candidates?: number } = {}): Predictor => {
  const count = Math.max(2, options.candidates ?? MAX_CANDIDATES);
  // Both arms of an item read the same drafts; written once per item, forgotten when the second arm has read them.
  const written = new Map<string, Promise<string[]>>();
  const write = async (item: DraftItem, persona: PersonaContext, signal: AbortSignal): Promise<string[]> => {
    const first: GenerateRequest = engineDraftRequest(item, persona, options);
    const texts: string[] = [];
    for (let i = 0; i < count; i++) {
      const request = i === 0 ? first : { ...first, temperature: Math.max(first.temperature ?? 0, 0.8), seed: ((first.seed ?? 0) + i) >>> 0 };
      texts.push(cleanEngineDraft(await engine.generate(request, () => {}, signal), item, options));
    }
    return texts;
  };
  const drafts = (item: DraftItem, persona: PersonaContext, signal: AbortSignal) => {
    let texts = written.get(item.id);
    if (!texts) written.set(item.id, (texts = write(item, persona, signal)));
    return texts;
  };
  return {
    name: 'engine-rerank',
    personaLabel: `best of ${count} by style match`,
    baselineLabel: 'first draft',
    bothArmsSeePersona: true,
    draft: async (item, persona, signal, arm) => {
      if (!persona) return '';
      const texts = await drafts(item, persona, signal);
      if (arm === 'baseline') {
        written.delete(item.id);
        return texts[0]!;
      }
      const card = cardOf(persona);
      const examples = persona.training.writings.slice(-5).map((w) => w.text);
      const ranked = rankCandidates(
        texts.map((text) => {
          const flaw = draftFlaw(text, { post: item.context, examples });
          return { text, style: text.trim() ? styleScore(card, text) : null, ...(flaw ? { flaw } : {}) };
        }),
      );
      return ranked[0]!.text;
    },
  };
};
