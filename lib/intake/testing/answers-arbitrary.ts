// fast-check generator of valid intake answers, for property tests only.
import fc from "fast-check";
import { ITEMS, type Answers } from "../questionnaire";
import type { QuestionItem } from "../questionnaire-types";

function valueArbitrary(item: QuestionItem): fc.Arbitrary<unknown> {
  switch (item.type) {
    case "boolean":
      return fc.boolean();
    case "choice":
      return fc.constantFrom(...item.options.map((o) => o.code));
    case "multi-choice": {
      const exclusive = item.exclusiveCode;
      const others = item.options.map((o) => o.code).filter((c) => c !== exclusive);
      const some = fc.subarray(others, { minLength: 1 });
      return exclusive === undefined ? some : fc.oneof(some, fc.constant([exclusive]));
    }
    case "integer":
      return fc.integer({ min: item.min, max: item.max });
    case "string":
      return fc.constantFrom("Running 5 km", "Sitting at my desk", "Stairs", "Netball");
  }
}

/** Any valid answers: each question answered or not, hidden questions included (prune to drop them). */
export const answersArbitrary: fc.Arbitrary<Answers> = fc
  .record(Object.fromEntries(ITEMS.map((item) => [item.linkId, fc.option(valueArbitrary(item), { nil: undefined })])))
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Answers);

export const ageArbitrary = fc.option(fc.integer({ min: 0, max: 130 }), { nil: undefined });
