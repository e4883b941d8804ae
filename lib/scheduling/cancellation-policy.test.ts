import { describe, expect, it } from "vitest";
import { cancellationPolicyText, changeableOnline, feeText } from "./cancellation-policy";

describe("feeText", () => {
  it("shows dollars, bulk billing, or nothing", () => {
    expect(feeText(9500)).toBe("$95");
    expect(feeText(9550)).toBe("$95.50");
    expect(feeText(0)).toBe("Bulk billed");
    expect(feeText(null)).toBeNull();
  });
});

describe("cancellation policy", () => {
  const start = new Date("2026-12-10T09:00:00+11:00");
  it("is changeable online until the window opens, not after", () => {
    expect(changeableOnline(start, 24, new Date("2026-12-09T09:00:00+11:00"))).toBe(true);
    expect(changeableOnline(start, 24, new Date("2026-12-09T09:00:01+11:00"))).toBe(false);
    expect(changeableOnline(start.toISOString(), 0, new Date("2026-12-10T08:59:00+11:00"))).toBe(true);
  });
  it("says the rule in words, with the hours and the phone", () => {
    expect(cancellationPolicyText({ windowHours: 24, phone: "(02) 9000 4104", changeable: true })).toBe(
      "Free to cancel or move online until 24 hours before; after that, call (02) 9000 4104.",
    );
    expect(cancellationPolicyText({ windowHours: 1, phone: "(02) 9000 4104", changeable: true })).toContain(
      "until 1 hour before",
    );
  });
  it("inside the window, says it cannot be changed online and to call instead", () => {
    const text = cancellationPolicyText({ windowHours: 24, phone: "(02) 9000 4104", changeable: false });
    expect(text).toBe(
      "This time is less than 24 hours away, so it can't be cancelled or moved online. To change it, call (02) 9000 4104.",
    );
    expect(text).not.toContain("Free to cancel");
  });
});
