import { describe, expect, it } from 'vitest';
import type { PageRecord, WritingRecord } from '../model/records';
import { deterministicDraft, typicalLength } from './draft-predictor';
import { draftItems, repliesToPage } from './items';

const URL = 'https://forum.test/q/1';
const page: PageRecord = { id: 'p1', url: URL, site: 'forum.test', title: 'Why do ferries run late?', text: 'Why do ferries run late?\n\nEvery winter the 8:10 ferry is late, and nobody says why.', contentHash: 'h', firstVisit: 0, lastVisit: 0, visitCount: 1, dwellMs: 0, maxScroll: 0 };
const words = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ');
const writing = (id: string, text: string, replyTo: string | undefined, createdAt: number): WritingRecord => ({ id, url: URL, site: 'forum.test', text, ...(replyTo ? { replyTo } : {}), source: 'form', createdAt });
const ANSWER_TO = page.text;
const COMMENT_TO = 'I think it is the tides, but the timetable ignores them.';

describe('the kind of reply', () => {
  it('is a reply to the page when it quotes the page’s opening (or quotes nothing), a reply to a post on it otherwise, unknown without the page', () => {
    expect(repliesToPage({ replyTo: 'Why do ferries   run late?\n\nEvery winter' }, page)).toBe(true);
    expect(repliesToPage({}, page)).toBe(true);
    expect(repliesToPage({ replyTo: COMMENT_TO }, page)).toBe(false);
    expect(repliesToPage({ replyTo: COMMENT_TO }, undefined)).toBeUndefined();
    const [answer, comment] = draftItems([writing('a', 'x', ANSWER_TO, 1), writing('c', 'y', COMMENT_TO, 2)], [page]);
    expect([answer!.toPage, comment!.toPage]).toEqual([true, false]);
  });

  it('sets the draft’s length: the median of the user’s past replies of the same kind on the site', () => {
    // Long answers to the page (100, 120, 140 words), short comments under posts (10, 12, 14 words).
    const past = [
      ...[100, 120, 140].map((n, i) => writing(`a${i}`, `${words(n - 1, 'tide')} ferry.`, ANSWER_TO, i)),
      ...[10, 12, 14].map((n, i) => writing(`c${i}`, `${words(n - 1, 'tide')} ferry.`, COMMENT_TO, 10 + i)),
    ];
    // Without the kind: the median of all six, (14 + 100) / 2 = 57 words.
    expect(typicalLength(past, 'forum.test')).toBe(57);
    const context = { claims: [], training: { writings: past, reactions: [], pages: [page] } };
    const [answer, comment] = draftItems([writing('a9', 'x', ANSWER_TO, 99), writing('c9', 'y', COMMENT_TO, 99)], [page]);
    const length = (text: string) => text.split(/\s+/).length;
    // Past writings are joined until 0.8 of the target and cut at 1.15 of it.
    const commentDraft = length(deterministicDraft(comment!, context, { history: true, persona: true }));
    const answerDraft = length(deterministicDraft(answer!, context, { history: true, persona: true }));
    expect(commentDraft).toBeGreaterThanOrEqual(12 * 0.8);
    expect(commentDraft).toBeLessThanOrEqual(12 * 1.15);
    expect(answerDraft).toBeGreaterThanOrEqual(120 * 0.8);
    expect(answerDraft).toBeLessThanOrEqual(120 * 1.15);
  });
});

describe('habits', () => {
  it('a user who opens with a greeting and closes with a sign-off on most replies gets both around the history + persona draft', () => {
    const past = [0, 1, 2, 3].map((i) => writing(`h${i}`, `Hi all,\n${words(20, 'tide')} ferry ${i}.\nCheers`, ANSWER_TO, i));
    const context = { claims: [], training: { writings: past, reactions: [], pages: [page] } };
    const [item] = draftItems([writing('n', 'x', ANSWER_TO, 99)], [page]);
    const lines = deterministicDraft(item!, context, { history: true, persona: true }).split('\n');
    expect(lines[0]).toBe('Hi');
    expect(lines.at(-1)).toBe('Cheers');
    // Without the habit (one writing in four), none.
    const once = [past[0]!, ...[1, 2, 3].map((i) => writing(`p${i}`, `${words(20, 'tide')} ferry ${i}.`, ANSWER_TO, i))];
    const plain = deterministicDraft(item!, { ...context, training: { ...context.training, writings: once } }, { history: true, persona: true });
    expect(plain.startsWith('Hi\n')).toBe(false);
    expect(plain.endsWith('\nCheers')).toBe(false);
  });
});
