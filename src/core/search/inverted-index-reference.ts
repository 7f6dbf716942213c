import type { SearchDoc } from './terms';
import { searchTerms } from './terms';
import type { SearchHit, SearchOptions } from './inverted-index';

interface Slot {
  id: string;
  kind: SearchDoc['kind'];
  site: string;
  len: number;
}

/** Growable typed arrays: a third of the memory of number arrays, and no GC scanning. */
class Postings {
  slots = new Int32Array(4);
  tfs = new Uint16Array(4);
  length = 0;

  push(slot: number, tf: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const tfs = new Uint16Array(this.length * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.slots[this.length] = slot;
    this.tfs[this.length++] = Math.min(tf, 65_535);
  }
}

const K1 = 1.2;
const B = 0.75;
const SAME_SITE_BOOST = 1.5;
/** The rarest query terms carry the topic; a long page as a query is cut to these. */
const MAX_QUERY_TERMS = 32;
const QUERY_CHARS = 4000;
const MAX_DF_SHARE = 0.5;
const POSTINGS_BUDGET = 60_000;
const MIN_QUERY_TERMS = 3;
const MIN_DOCS_FOR_DF_CUT = 1000;

/**
 * Test-only: the index as it was before its slots moved into typed arrays
 * (inverted-index.equivalence.test.ts checks the new one ranks exactly as this one does).
 * An in-memory BM25 inverted index, updated one record at a time. Removal leaves a tombstone
 * that searches skip; the postings are compacted once tombstones are a third of the slots.
 */
export class InvertedIndexReference {
  private slots: (Slot | undefined)[] = [];
  private byId = new Map<string, number>();
  private postings = new Map<string, Postings>();
  private totalLen = 0;
  private dead = 0;
  private scores = new Float64Array(0);

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  add(doc: SearchDoc): void {
    this.remove(doc.id);
    const slot = this.slots.length;
    let len = 0;
    for (const tf of doc.tfs) len += tf;
    this.slots.push({ id: doc.id, kind: doc.kind, site: doc.site, len });
    this.byId.set(doc.id, slot);
    this.totalLen += len;
    for (let i = 0; i < doc.terms.length; i++) {
      const term = doc.terms[i]!;
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = new Postings()));
      list.push(slot, doc.tfs[i]!);
    }
  }

  remove(id: string): void {
    const slot = this.byId.get(id);
    if (slot === undefined) return;
    this.totalLen -= this.slots[slot]!.len;
    this.slots[slot] = undefined;
    this.byId.delete(id);
    if (++this.dead > 1000 && this.dead * 3 > this.slots.length) this.compact();
  }

  clear(): void {
    this.slots = [];
    this.byId.clear();
    this.postings.clear();
    this.totalLen = 0;
    this.dead = 0;
  }

  search(text: string, options: SearchOptions): SearchHit[] {
    const n = this.byId.size;
    if (n === 0 || options.limit <= 0) return [];
    const avgLen = this.totalLen / n || 1;
    const unique = [...new Set(searchTerms(text.slice(0, QUERY_CHARS)))]
      .map((term) => this.postings.get(term))
      .filter((list): list is Postings => list !== undefined)
      .sort((a, b) => a.length - b.length)
      .slice(0, MAX_QUERY_TERMS);
    const kinds = options.kinds ? new Set(options.kinds) : null;
    // Scores in a typed array indexed by slot, and the slots touched: no Map churn per posting.
    if (this.scores.length < this.slots.length) this.scores = new Float64Array(Math.max(this.slots.length, this.scores.length * 2, 1024));
    const scores = this.scores;
    const touched: number[] = [];
    let visited = 0;
    for (const [rank, list] of unique.entries()) {
      const df = list.length;
      // Rarest terms first: they carry most of the score. Once the budget of postings is spent,
      // the commoner terms left would add little and cost the most, so a query's time is bounded.
      if (rank >= MIN_QUERY_TERMS && visited + df > POSTINGS_BUDGET) break;
      visited += df;
      // A term in most records says nothing about topic (its idf is near zero) and costs the most.
      if (n >= MIN_DOCS_FOR_DF_CUT && df > n * MAX_DF_SHARE) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const slots = list.slots;
      const tfs = list.tfs;
      for (let i = 0; i < list.length; i++) {
        const slotIndex = slots[i]!;
        const slot = this.slots[slotIndex];
        if (!slot || (kinds && !kinds.has(slot.kind))) continue;
        const tf = tfs[i]!;
        if (scores[slotIndex] === 0) touched.push(slotIndex);
        scores[slotIndex] = scores[slotIndex]! + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * slot.len) / avgLen));
      }
    }
    // Top k over the touched slots without an object per hit: only the k winners become hits.
    const k = options.limit;
    const best: number[] = [];
    const bestScore: number[] = [];
    for (const slotIndex of touched) {
      const slot = this.slots[slotIndex]!;
      const score = scores[slotIndex]! * (options.site && slot.site === options.site ? SAME_SITE_BOOST : 1);
      scores[slotIndex] = 0;
      if (best.length === k && score <= bestScore[k - 1]!) continue;
      let i = best.length;
      while (i > 0 && bestScore[i - 1]! < score) i--;
      best.splice(i, 0, slotIndex);
      bestScore.splice(i, 0, score);
      if (best.length > k) {
        best.pop();
        bestScore.pop();
      }
    }
    return best.map((slotIndex, i) => ({ id: this.slots[slotIndex]!.id, kind: this.slots[slotIndex]!.kind, score: bestScore[i]! }));
  }

  /** Approximate heap bytes of the postings and slots, for the benchmark's memory row. */
  approxBytes(): number {
    let bytes = this.slots.length * 64;
    for (const [term, list] of this.postings) bytes += term.length * 2 + 96 + list.slots.length * 6;
    return bytes;
  }

  private compact(): void {
    const remap = new Map<number, number>();
    const slots: Slot[] = [];
    this.slots.forEach((slot, i) => {
      if (!slot) return;
      remap.set(i, slots.length);
      slots.push(slot);
    });
    for (const [term, list] of this.postings) {
      const next = new Postings();
      for (let i = 0; i < list.length; i++) {
        const to = remap.get(list.slots[i]!);
        if (to !== undefined) next.push(to, list.tfs[i]!);
      }
      if (next.length) this.postings.set(term, next);
      else this.postings.delete(term);
    }
    this.slots = slots;
    this.byId = new Map(slots.map((s, i) => [s.id, i]));
    this.dead = 0;
  }
}
