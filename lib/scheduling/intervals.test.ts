import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeSpans, SpanSet, subtractSpans, type Span } from "./intervals";

const s = (start: number, end: number): Span => ({ start, end });

describe("mergeSpans", () => {
  it("sorts, joins overlapping and touching spans, and drops empty ones", () => {
    expect(mergeSpans([s(5, 7), s(1, 3), s(2, 4), s(7, 8), s(9, 9)])).toEqual([s(1, 4), s(5, 8)]);
  });

  it("does not modify its input", () => {
    const input = [s(1, 3), s(2, 4)];
    mergeSpans(input);
    expect(input).toEqual([s(1, 3), s(2, 4)]);
  });
});

describe("subtractSpans", () => {
  it("cuts at the start, the middle and the end", () => {
    expect(subtractSpans([s(0, 10)], [s(0, 2), s(4, 5), s(8, 10)])).toEqual([s(2, 4), s(5, 8)]);
  });

  it("leaves nothing when a cut covers everything, and everything when cuts miss", () => {
    expect(subtractSpans([s(2, 4)], [s(0, 10)])).toEqual([]);
    expect(subtractSpans([s(2, 4)], [s(0, 2), s(4, 6)])).toEqual([s(2, 4)]);
  });

  it("handles several pieces and overlapping cuts", () => {
    expect(subtractSpans([s(0, 5), s(10, 15)], [s(3, 12), s(11, 13)])).toEqual([s(0, 3), s(13, 15)]);
  });
});

describe("SpanSet", () => {
  const set = new SpanSet([s(10, 20), s(30, 40), s(15, 25)]);

  it("treats spans as half-open: touching is not overlapping", () => {
    expect(set.overlaps(0, 10)).toBe(false);
    expect(set.overlaps(25, 30)).toBe(false);
    expect(set.overlaps(24, 26)).toBe(true);
    expect(set.overlaps(39, 50)).toBe(true);
    expect(set.overlaps(40, 50)).toBe(false);
    expect(set.overlaps(0, 100)).toBe(true);
    expect(set.overlaps(12, 12)).toBe(false);
  });

  it("answers containment within one merged span", () => {
    expect(set.contains(10, 25)).toBe(true);
    expect(set.contains(30, 40)).toBe(true);
    expect(set.contains(20, 31)).toBe(false);
    expect(set.contains(5, 12)).toBe(false);
    expect(new SpanSet([]).contains(0, 1)).toBe(false);
  });

  const span = fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 50 }))
    .map(([a, len]) => s(a, a + len));

  it("agrees with a linear scan for overlaps and containment", () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), span, (spans, q) => {
        const set = new SpanSet(spans);
        const naiveOverlap = spans.some((x) => x.start < q.end && x.end > q.start);
        // Contained when every unit inside the query lies in some span.
        let naiveContain = true;
        for (let t = q.start; t < q.end; t++) naiveContain &&= spans.some((x) => x.start <= t && t < x.end);
        expect(set.overlaps(q.start, q.end)).toBe(naiveOverlap);
        expect(set.contains(q.start, q.end)).toBe(naiveContain);
      }),
    );
  });

  it("subtraction keeps exactly the units outside every cut", () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 4 }), fc.array(span, { maxLength: 6 }), (from, cuts) => {
        const rest = new SpanSet(subtractSpans(from, cuts));
        for (let t = 0; t < 260; t++) {
          const expected = from.some((x) => x.start <= t && t < x.end) && !cuts.some((x) => x.start <= t && t < x.end);
          expect(rest.contains(t, t + 1)).toBe(expected);
        }
      }),
    );
  });
});
