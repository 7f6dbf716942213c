import { words } from './text-stats';

/**
 * Burrows' Delta (2002), the classic authorship baseline: z-score the relative frequencies of the
 * corpus's most frequent words across the training documents, then attribute a text to the author
 * whose mean profile has the smallest mean absolute z-difference.
 */
export const burrowsDelta = (training: { author: string; texts: string[] }[], mfw = 150) => {
  const freqs = (text: string): Map<string, number> => {
    const tokens = words(text);
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [key, value] of counts) counts.set(key, value / tokens.length);
    return counts;
  };
  const totals = new Map<string, number>();
  for (const { texts } of training) for (const text of texts) for (const w of words(text)) totals.set(w, (totals.get(w) ?? 0) + 1);
  const features = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, mfw).map(([w]) => w);
  const docs = training.flatMap(({ texts }) => texts.map(freqs));
  const mean = features.map((f) => docs.reduce((s, d) => s + (d.get(f) ?? 0), 0) / docs.length);
  const sd = features.map((f, i) => Math.sqrt(docs.reduce((s, d) => s + ((d.get(f) ?? 0) - mean[i]!) ** 2, 0) / docs.length) || 1);
  const z = (d: Map<string, number>) => features.map((f, i) => ((d.get(f) ?? 0) - mean[i]!) / sd[i]!);
  const centroids = training.map(({ author, texts }) => {
    const zs = texts.map((t) => z(freqs(t)));
    return { author, profile: features.map((_, i) => zs.reduce((s, v) => s + v[i]!, 0) / zs.length) };
  });
  return (text: string): string => {
    const probe = z(freqs(text));
    let best = { author: '', delta: Infinity };
    for (const { author, profile } of centroids) {
      const delta = profile.reduce((s, v, i) => s + Math.abs(v - probe[i]!), 0) / features.length;
      if (delta < best.delta) best = { author, delta };
    }
    return best.author;
  };
};
