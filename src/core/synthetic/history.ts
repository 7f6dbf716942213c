import type { PageRecord, ReactionKind, ReactionRecord, WritingRecord } from '../model/records';

/**
 * A seeded synthetic history for benchmarks and large-history tests: pages of 2–30 KB, writings
 * of 50–2,000 characters and reactions, spread over `months` months, with interests that drift
 * (each topic is strongest in its own stretch of time), Zipf-distributed common words and a few
 * topic words per sentence, so full-text search and persona work meet realistic term statistics.
 * The same seed gives the same history on every run and machine.
 */
export interface SyntheticHistory {
  pages: PageRecord[];
  writings: WritingRecord[];
  reactions: ReactionRecord[];
}

export interface SyntheticOptions {
  seed?: number;
  /** The newest record's time. */
  end?: number;
  months?: number;
  /** Shares of pages and writings; the rest are reactions. */
  pageShare?: number;
  writingShare?: number;
}

const MONTH = 30 * 24 * 3600 * 1000;

/** mulberry32: small, fast and good enough for test data. */
export const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu an en in on un ar er ir or ur'.split(' ');
const FUNCTION_WORDS = 'the of and to a in is that it for on was with as at by this be from or have an they which one you had not but what all were when we there can said'.split(' ');
const SITES = ['news.example', 'forum.example', 'blog.example', 'shop.example', 'docs.example', 'video.example', 'wiki.example', 'recipes.example', 'code.example', 'travel.example'];
const REACTIONS: ReactionKind[] = ['long-read', 'bounce', 'scroll', 'like', 'copy', 'upvote', 'bookmark'];
export const TOPIC_COUNT = 48;
const COMMON_WORDS = 4000;
const TOPIC_WORDS = 25;
const SENTENCE_POOL = 500;

const word = (rand: () => number, syllables: number) => Array.from({ length: syllables }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');

/** The words of topic `t`: the vocabulary its records are about (also what a test searches for). */
export const topicWords = (seed: number, t: number): string[] => {
  const rand = seededRandom(seed * 1000 + t + 7);
  return Array.from({ length: TOPIC_WORDS }, () => word(rand, 3 + Math.floor(rand() * 2)));
};

export const syntheticHistory = (records: number, options: SyntheticOptions = {}): SyntheticHistory => {
  const seed = options.seed ?? 1;
  const end = options.end ?? Date.UTC(2026, 10, 1);
  const months = options.months ?? 36;
  const pageShare = options.pageShare ?? 0.5;
  const writingShare = options.writingShare ?? 0.3;
  const rand = seededRandom(seed);
  const vocab = Array.from({ length: COMMON_WORDS }, (_, i) => (i < FUNCTION_WORDS.length ? FUNCTION_WORDS[i]! : word(rand, 1 + Math.floor(rand() * 3))));
  const topics = Array.from({ length: TOPIC_COUNT }, (_, t) => topicWords(seed, t));
  // Zipf: the r-th common word is drawn with probability ∝ 1/r.
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= COMMON_WORDS; r++) cumulative.push((sum += 1 / r));
  const common = () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = COMMON_WORDS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  const sentence = (topic: string[]) => {
    const n = 8 + Math.floor(rand() * 14);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(rand() < 0.22 ? topic[Math.floor(rand() * topic.length)]! : common());
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  // Hundreds of megabytes of text are drawn from a pool of sentences per topic: generating every
  // word afresh made a 50k history take minutes.
  const pools = new Map<string[], string[]>();
  const pooled = (topic: string[]) => {
    let pool = pools.get(topic);
    if (!pool) pools.set(topic, (pool = Array.from({ length: SENTENCE_POOL }, () => sentence(topic))));
    return pool[Math.floor(rand() * pool.length)]!;
  };
  const textOf = (topic: string[], chars: number) => {
    let text = '';
    while (text.length < chars) {
      for (let k = 3 + Math.floor(rand() * 4); k > 0; k--) text += `${pooled(topic)} `;
      text += '\n';
    }
    return text.slice(0, chars);
  };
  const out: SyntheticHistory = { pages: [], writings: [], reactions: [] };
  const start = end - months * MONTH;
  for (let i = 0; i < records; i++) {
    // Spread evenly over the span (with jitter), oldest first; the topic drifts with time.
    const at = Math.floor(start + ((i + rand()) / records) * (end - start));
    const phase = (at - start) / (end - start);
    const t = Math.min(TOPIC_COUNT - 1, Math.max(0, Math.floor(phase * TOPIC_COUNT + (rand() - 0.5) * 4)));
    const topic = topics[t]!;
    const site = SITES[Math.floor(rand() * SITES.length)]!;
    const roll = rand();
    const id = `s${seed}-${i.toString(36).padStart(6, '0')}`;
    if (roll < pageShare) {
      const text = textOf(topic, 2000 + Math.floor(rand() * 28_000));
      out.pages.push({ id, url: `https://${site}/${topic[0]}/${i}`, site, title: `${topic[0]} ${topic[1]}: ${sentence(topic).slice(0, 60)}`, text, contentHash: id, firstVisit: at - 3600_000, lastVisit: at, visitCount: 1 + Math.floor(rand() * 4), dwellMs: Math.floor(rand() * 600_000), maxScroll: Number(rand().toFixed(2)) });
    } else if (roll < pageShare + writingShare) {
      out.writings.push({ id, url: `https://${site}/t/${i}`, site, text: textOf(topic, 50 + Math.floor(rand() * 1950)), source: 'form', createdAt: at });
    } else {
      const page = out.pages[out.pages.length - 1];
      out.reactions.push({ id, url: page?.url ?? `https://${site}/${i}`, site: page?.site ?? site, ...(page ? { pageId: page.id } : {}), kind: REACTIONS[Math.floor(rand() * REACTIONS.length)]!, value: Math.floor(rand() * 100_000), at });
    }
  }
  return out;
};
