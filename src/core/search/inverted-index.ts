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

interface Slot {
  id: string;
  kind: SearchDoc['kind'];
  site: string;
  len: number;
}

interface Postings {
  slots: number[];
  tfs: number[];
}

const K1 = 1.2;
const B = 0.75;
const SAME_SITE_BOOST = 1.5;
/** The rarest query terms carry the topic; a long page as a query is cut to these. */
const MAX_QUERY_TERMS = 48;
const QUERY_CHARS = 4000;

/**
 * An in-memory BM25 inverted index, updated one record at a time. Removal leaves a tombstone
 * that searches skip; the postings are compacted once tombstones are a third of the slots.
 */
export class InvertedIndex {
  private slots: (Slot | undefined)[] = [];
  private byId = new Map<string, number>();
  private postings = new Map<string, Postings>();
  private totalLen = 0;
  private dead = 0;

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
      if (!list) this.postings.set(term, (list = { slots: [], tfs: [] }));
      list.slots.push(slot);
      list.tfs.push(doc.tfs[i]!);
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
      .sort((a, b) => a.slots.length - b.slots.length)
      .slice(0, MAX_QUERY_TERMS);
    const kinds = options.kinds ? new Set(options.kinds) : null;
    const scores = new Map<number, number>();
    for (const list of unique) {
      const idf = Math.log(1 + (n - list.slots.length + 0.5) / (list.slots.length + 0.5));
      for (let i = 0; i < list.slots.length; i++) {
        const slotIndex = list.slots[i]!;
        const slot = this.slots[slotIndex];
        if (!slot || (kinds && !kinds.has(slot.kind))) continue;
        const tf = list.tfs[i]!;
        const part = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * slot.len) / avgLen));
        scores.set(slotIndex, (scores.get(slotIndex) ?? 0) + part);
      }
    }
    const hits: SearchHit[] = [];
    for (const [slotIndex, raw] of scores) {
      const slot = this.slots[slotIndex]!;
      hits.push({ id: slot.id, kind: slot.kind, score: raw * (options.site && slot.site === options.site ? SAME_SITE_BOOST : 1) });
    }
    return topK(hits, options.limit);
  }

  /** Approximate heap bytes of the postings and slots, for the benchmark's memory row. */
  approxBytes(): number {
    let bytes = this.slots.length * 64;
    for (const [term, list] of this.postings) bytes += term.length * 2 + 64 + list.slots.length * 16;
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
      const next: Postings = { slots: [], tfs: [] };
      list.slots.forEach((s, i) => {
        const to = remap.get(s);
        if (to === undefined) return;
        next.slots.push(to);
        next.tfs.push(list.tfs[i]!);
      });
      if (next.slots.length) this.postings.set(term, next);
      else this.postings.delete(term);
    }
    this.slots = slots;
    this.byId = new Map(slots.map((s, i) => [s.id, i]));
    this.dead = 0;
  }
}

/** The best `k` hits, best first, without sorting every hit. */
const topK = (hits: SearchHit[], k: number): SearchHit[] => {
  if (hits.length <= k) return hits.sort((a, b) => b.score - a.score);
  const heap: SearchHit[] = [];
  for (const hit of hits) {
    if (heap.length < k) {
      heap.push(hit);
      if (heap.length === k) heap.sort((a, b) => a.score - b.score);
    } else if (hit.score > heap[0]!.score) {
      // Insert keeping ascending order; k is small (tens), so a linear insert is cheap.
      let i = 1;
      while (i < k && heap[i]!.score < hit.score) i++;
      heap.splice(i, 0, hit);
      heap.shift();
    }
  }
  return heap.reverse();
};
