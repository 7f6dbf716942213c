import type { PersonaRecord } from './accumulator';

/** A seeded PRNG (mulberry32) so synthetic histories are the same on every run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const TOPICS = ['sourdough baking', 'trail running', 'rust compiler', 'indie games', 'city cycling', 'jazz piano', 'home composting', 'chess openings', 'birdwatching', 'film photography'];
const SITES = ['news.example', 'forum.example', 'blog.example', 'shop.example', 'docs.example', 'video.example'];
const OPENERS = ['Hi all,', 'Hey,', 'Honestly', 'I think', 'Quick question:', 'Thanks for this!'];
const CLOSERS = ['Cheers', 'Thanks', '', '', 'Best'];

/** `n` page, writing and reaction records (about 60 / 25 / 15 %) over 90 days before `end`. */
export const syntheticRecords = (n: number, seed = 1, end = Date.UTC(2026, 10, 1)): PersonaRecord[] => {
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const out: PersonaRecord[] = [];
  for (let i = 0; i < n; i++) {
    const at = end - Math.floor(rand() * 90 * 24 * 3600 * 1000);
    const topic = pick(TOPICS);
    const site = pick(SITES);
    const roll = rand();
    if (roll < 0.6) {
      const body = Array.from({ length: 40 }, () => `${topic} ${pick(['is', 'needs', 'beats', 'and'])} ${pick(TOPICS).split(' ')[1]!}`).join('. ');
      out.push({
        type: 'page',
        record: { id: `p${i}`, url: `https://${site}/${i}`, site, title: `Notes on ${topic} #${i % 17}`, text: body, contentHash: `h${i}`, firstVisit: at - 3600_000, lastVisit: at, visitCount: 1 + Math.floor(rand() * 4), dwellMs: Math.floor(rand() * 600_000), maxScroll: rand() },
      });
    } else if (roll < 0.85) {
      const closer = pick(CLOSERS);
      const text = `${pick(OPENERS)} ${topic} has been on my mind. I tried it again today, and it went ${pick(['well', 'badly', 'okay'])}! Does anyone else do this? 🙂${closer ? `\n${closer}` : ''}`;
      out.push({ type: 'writing', record: { id: `w${i}`, url: `https://${site}/t/${i}`, site, text, source: 'form', createdAt: at } });
    } else {
      out.push({ type: 'reaction', record: { id: `r${i}`, url: `https://${site}/${i}`, site, kind: pick(['long-read', 'bounce', 'scroll', 'like'] as const), at } });
    }
  }
  return out;
};
