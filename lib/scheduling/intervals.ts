// Half-open time spans in epoch milliseconds. The slot engine works on numbers, not Dates,
// so that the hot loops compare integers and never allocate.

export interface Span {
  start: number;
  end: number;
}

/** Sorted, disjoint union; touching spans join (harmless for half-open overlap and containment tests). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** What remains of `from` after removing every cut, sorted and disjoint. */
export function subtractSpans(from: readonly Span[], cuts: readonly Span[]): Span[] {
  const merged = mergeSpans(cuts);
  const out: Span[] = [];
  for (const piece of mergeSpans(from)) {
    let cursor = piece.start;
    for (const cut of merged) {
      if (cut.end <= cursor) continue;
      if (cut.start >= piece.end) break;
      if (cut.start > cursor) out.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      if (cursor >= piece.end) break;
    }
    if (cursor < piece.end) out.push({ start: cursor, end: piece.end });
  }
  return out;
}

/**
 * A set of spans answering overlap and containment queries in O(log n),
 * so checking each candidate start never rescans every busy interval.
 */
export class SpanSet {
  private readonly spans: Span[];

  constructor(spans: readonly Span[]) {
    this.spans = mergeSpans(spans);
  }

  get size(): number {
    return this.spans.length;
  }

  /** Index of the first span ending after `t`, or spans.length. */
  private firstEndingAfter(t: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.spans[mid] as Span).end > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Does [start, end) share any instant with a span? */
  overlaps(start: number, end: number): boolean {
    if (end <= start) return false;
    const s = this.spans[this.firstEndingAfter(start)];
    return s !== undefined && s.start < end;
  }

  /** Does one span cover all of [start, end)? Spans are merged, so one is enough to look at. */
  contains(start: number, end: number): boolean {
    const s = this.spans[this.firstEndingAfter(start)];
    return s !== undefined && s.start <= start && s.end >= end;
  }
}
