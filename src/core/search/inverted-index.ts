import type { SearchDoc } from './terms';
import { searchTerms } from './terms';

export interface SearchHit {
  id: string;
  kind: SearchDoc['kind'];
  score: number;
}

export interface SearchOptions {
  /** Records from this site rank higher. */
  site?: string;
  kinds?: readonly SearchDoc['kind'][];
  limit: number;
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

const KINDS: readonly SearchDoc['kind'][] = ['page', 'writing', 'reaction'];
const DEAD = 255;

const grown = <T extends Int32Array | Uint8Array | Float64Array>(array: T, need: number, make: (n: number) => T): T => {
  if (need <= array.length) return array;
  const next = make(Math.max(need, array.length * 2, 1024));
  next.set(array);
  return next;
};

/**
 * An in-memory BM25 inverted index, updated one record at a time. Removal leaves a tombstone
 * that searches skip; the postings are compacted once tombstones are a third of the slots.
 * A slot's kind, length and site live in typed arrays, so a search reads numbers, not objects,
 * and allocates nothing per posting.
 */
export class InvertedIndex {
  private ids: string[] = [];
  private kinds = new Uint8Array(0);
  private lens = new Float64Array(0);
  private sites = new Int32Array(0);
  private siteIds = new Map<string, number>();
  private byId = new Map<string, number>();
  private postings = new Map<string, Postings>();
  private totalLen = 0;
  private dead = 0;
  private scores = new Float64Array(0);
  private touched = new Int32Array(0);

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  add(doc: SearchDoc): void {
    this.remove(doc.id);
    const slot = this.ids.length;
    let len = 0;
    for (const tf of doc.tfs) len += tf;
    this.kinds = grown(this.kinds, slot + 1, (n) => new Uint8Array(n));
    this.lens = grown(this.lens, slot + 1, (n) => new Float64Array(n));
    this.sites = grown(this.sites, slot + 1, (n) => new Int32Array(n));
    let site = this.siteIds.get(doc.site);
    if (site === undefined) this.siteIds.set(doc.site, (site = this.siteIds.size));
    this.ids.push(doc.id);
    this.kinds[slot] = KINDS.indexOf(doc.kind);
    this.lens[slot] = len;
    this.sites[slot] = site;
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
    this.totalLen -= this.lens[slot]!;
    this.kinds[slot] = DEAD;
    this.byId.delete(id);
    if (++this.dead > 1000 && this.dead * 3 > this.ids.length) this.compact();
  }

  clear(): void {
    this.ids = [];
    this.kinds = new Uint8Array(0);
    this.lens = new Float64Array(0);
    this.sites = new Int32Array(0);
    this.siteIds.clear();
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
    // A bit per wanted kind; the dead kind's bit is never set.
    let wanted = options.kinds ? 0 : 0b111;
    for (const kind of options.kinds ?? []) wanted |= 1 << KINDS.indexOf(kind);
    const slotCount = this.ids.length;
    // Scores in a typed array indexed by slot, and the slots touched: no Map churn per posting.
    if (this.scores.length < slotCount) this.scores = new Float64Array(Math.max(slotCount, this.scores.length * 2, 1024));
    if (this.touched.length < slotCount) this.touched = new Int32Array(this.scores.length);
    const { scores, touched, kinds, lens } = this;
    let touchedCount = 0;
    let visited = 0;
    for (let rank = 0; rank < unique.length; rank++) {
      const list = unique[rank]!;
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
      for (let i = 0; i < df; i++) {
        const slot = slots[i]!;
        if (((1 << kinds[slot]!) & wanted) === 0) continue;
        const tf = tfs[i]!;
        if (scores[slot] === 0) touched[touchedCount++] = slot;
        scores[slot] = scores[slot]! + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lens[slot]!) / avgLen));
      }
    }
    // Top k over the touched slots without an object per hit: only the k winners become hits.
    const k = options.limit;
    const boosted = options.site ? (this.siteIds.get(options.site) ?? -1) : -1;
    const best: number[] = [];
    const bestScore: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const slot = touched[t]!;
      const score = scores[slot]! * (this.sites[slot] === boosted ? SAME_SITE_BOOST : 1);
      scores[slot] = 0;
      if (best.length === k && score <= bestScore[k - 1]!) continue;
      let i = best.length;
      while (i > 0 && bestScore[i - 1]! < score) i--;
      best.splice(i, 0, slot);
      bestScore.splice(i, 0, score);
      if (best.length > k) {
        best.pop();
        bestScore.pop();
      }
    }
    return best.map((slot, i) => ({ id: this.ids[slot]!, kind: KINDS[this.kinds[slot]!]!, score: bestScore[i]! }));
  }

  /** Approximate heap bytes of the postings and slots, for the benchmark's memory row. */
  approxBytes(): number {
    let bytes = this.ids.length * (48 + 13);
    for (const [term, list] of this.postings) bytes += term.length * 2 + 96 + list.slots.length * 6;
    return bytes;
  }

  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.kinds[slot] === DEAD) continue;
      const to = ids.length;
      remap[slot] = to;
      ids.push(this.ids[slot]!);
      this.kinds[to] = this.kinds[slot]!;
      this.lens[to] = this.lens[slot]!;
      this.sites[to] = this.sites[slot]!;
    }
    for (const [term, list] of this.postings) {
      const next = new Postings();
      for (let i = 0; i < list.length; i++) {
        const to = remap[list.slots[i]!]!;
        if (to >= 0) next.push(to, list.tfs[i]!);
      }
      if (next.length) this.postings.set(term, next);
      else this.postings.delete(term);
    }
    this.ids = ids;
    this.byId = new Map(ids.map((id, i) => [id, i]));
    this.dead = 0;
  }
}
