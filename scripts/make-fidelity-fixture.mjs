// Writes tests/fixtures/fidelity-export.json: the history of a fictional person (Morag, a birder
// and cyclist in Dundee), seeded so it is identical on every run. `node scripts/make-fidelity-fixture.mjs`
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

let seed = 7;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const weighted = (pairs) => {
  let r = random() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[0][0];
};

const SITES = {
  'birdforum.test': {
    topics: ['ospreys at loch of the lowes', 'waxwings in the city centre', 'a red kite over the tay', 'gannets off st abbs', 'the first swifts of the year', 'a barn owl hunting at dusk'],
    reactions: [['long-read', 4], ['reply', 3], ['like', 3], ['scroll', 2], ['bookmark', 1]],
  },
  'news.test': {
    topics: ['the new tay bridge cycle lane', 'council budget cuts', 'rail strikes this week', 'a storm warning for the east coast', 'the v&a waterfront extension'],
    reactions: [['bounce', 5], ['scroll', 4], ['share', 1], ['long-read', 1]],
  },
  'recipes.test': {
    topics: ['cullen skink', 'oatcakes', 'a quick dal', 'rhubarb crumble', 'stovies'],
    reactions: [['bookmark', 4], ['copy', 3], ['scroll', 2], ['bounce', 1]],
  },
  'cycling.test': {
    topics: ['gravel routes in glen clova', 'fixing a slow puncture', 'winter tyres', 'the cateran trail by bike', 'carrying binoculars on a bike'],
    reactions: [['long-read', 3], ['upvote', 3], ['reply', 2], ['scroll', 2]],
  },
};
const OPENERS = ['honestly', 'och', 'right so', 'aye', 'ha, honestly'];
const MIDDLES = [
  'i was out there on sunday and {t} was the best thing i saw all week',
  'not sure i agree about {t}, it depends on the weather more than anything',
  'been meaning to write about {t} for ages',
  'my two pence on {t}: go early, take a flask, be patient',
  'we tried {t} last month and it was grand',
  '{t} is exactly why i keep coming back here',
];
const CLOSERS = ['cheers, morag', 'cheers!', 'anyway. cheers', 'happy days', 'cheers all'];

const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 1);
const pages = [];
let pageNo = 0;
for (const [site, { topics }] of Object.entries(SITES)) {
  for (const topic of topics) {
    const id = `page-${++pageNo}`;
    const url = `https://${site}/${topic.replaceAll(/[^a-z]+/g, '-')}`;
    pages.push({
      id, url, site, title: topic.replace(/^./, (c) => c.toUpperCase()),
      text: `${topic}. A piece about ${topic}, with photographs, directions and comments from readers who went to see ${topic} for themselves.`,
      contentHash: `hash-${pageNo}`, firstVisit: start + pageNo * 3600_000, lastVisit: start + pageNo * 3600_000, visitCount: 1, dwellMs: 60_000, maxScroll: 0.5,
    });
  }
}

const writings = [];
for (let i = 0; i < 120; i++) {
  const page = pick(pages.filter((p) => p.site !== 'news.test'));
  const topic = page.title.toLowerCase();
  const text = `${pick(OPENERS)}, ${pick(MIDDLES).replace('{t}', topic)}. ${random() < 0.5 ? `${pick(MIDDLES).replace('{t}', topic)}. ` : ''}${pick(CLOSERS)}`;
  writings.push({ id: `w-${i + 1}`, url: page.url, site: page.site, text, replyTo: page.id, source: 'form', createdAt: start + DAY + i * (DAY / 2) });
}

const reactions = [];
for (let i = 0; i < 120; i++) {
  const page = pick(pages);
  const kind = weighted(SITES[page.site].reactions);
  const value = kind === 'scroll' ? Math.round((page.site === 'news.test' ? 0.2 + random() * 0.3 : 0.5 + random() * 0.5) * 100) / 100 : undefined;
  reactions.push({ id: `r-${i + 1}`, url: page.url, site: page.site, pageId: page.id, kind, ...(value === undefined ? {} : { value }), at: start + DAY + i * (DAY / 2) + 3600_000 });
}

const claim = (id, text, kind, evidence) => ({ id, text, kind, evidence, confidence: 0.7, firstSeen: start, lastSeen: start + 60 * DAY, origin: 'inferred' });
const personas = [{
  id: 'persona-1', version: 1, createdAt: start + 30 * DAY,
  style: { samples: 58, words: 1800, meanSentenceWords: 14, meanWordLength: 4.1, vocabularyRichness: 0.6, functionWords: { i: 0.05, the: 0.06 }, charNgrams: { che: 0.01 }, rates: { exclamation: 0.1, question: 0, ellipsis: 0, emoji: 0, uppercaseStart: 0, allLowercase: 0.95, comma: 0.9 }, greetings: ['honestly', 'aye'], signOffs: ['cheers'], lengthBySite: { 'birdforum.test': 30 } },
  interests: [{ phrase: 'birding', weight: 0.6, evidence: ['w-1'] }],
  topSites: [{ site: 'birdforum.test', visits: 40, dwellMs: 1_000_000 }],
  rhythm: Array.from({ length: 24 }, () => 1 / 24),
  claims: [
    claim('c1', 'Loves the ospreys at Loch of the Lowes', 'interest', ['w-1']),
    claim('c2', 'Says cheers', 'style', ['w-1']),
    claim('c3', 'Plays competitive chess online', 'interest', ['w-4']),
    claim('c4', 'Reads recipes for cullen skink', 'interest', ['page-12']),
    claim('c5', 'Follows the rugby closely', 'interest', ['w-999']),
  ],
  bigFive: [
    { trait: 'E', score: 3.1, sd: 0.2, runs: 5, evidenceCount: 12 },
    { trait: 'A', score: 3.9, sd: 0.15, runs: 5, evidenceCount: 10 },
    { trait: 'C', score: 3.4, sd: 0.3, runs: 5, evidenceCount: 8 },
    { trait: 'N', score: 2.6, sd: 0.25, runs: 5, evidenceCount: 6 },
    { trait: 'O', score: 4.2, sd: 0.1, runs: 5, evidenceCount: 14 },
  ],
}];

const out = { format: 'doppel-export', version: 1, exportedAt: start + 90 * DAY, pages, writings, reactions, personas };
writeFileSync(resolve(import.meta.dirname, '../tests/fixtures/fidelity-export.json'), `${JSON.stringify(out, null, 1)}\n`);
