import { charNgrams } from './text-stats';

/**
 * The char 3-gram tf-idf baseline (a reference method for the attribution tests, not what Doppel
 * uses): each author is the tf-idf vector of all their training text, idf over the training
 * documents; a text goes to the author with the highest cosine.
 */
export const charTfidf = (training: { author: string; texts: string[] }[]) => {
  const docs = training.flatMap(({ texts }) => texts.map((t) => charNgrams(t)));
  const df = new Map<string, number>();
  for (const d of docs) for (const g of d.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = (g: string) => Math.log((1 + docs.length) / (1 + (df.get(g) ?? 0))) + 1;
  const vector = (counts: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [g, c] of counts) {
      const w = (1 + Math.log(c)) * idf(g);
      v.set(g, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) || 1 };
  };
  const authors = training.map(({ author, texts }) => ({ author, ...vector(charNgrams(texts.join(' '))) }));
  return (text: string): string => {
    const probe = vector(charNgrams(text));
    let best = { author: '', score: -Infinity };
    for (const a of authors) {
      let dot = 0;
      for (const [g, w] of probe.v) dot += w * (a.v.get(g) ?? 0);
      const score = dot / (a.norm * probe.norm);
      if (score > best.score) best = { author: a.author, score };
    }
    return best.author;
  };
};
