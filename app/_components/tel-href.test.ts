import { describe, expect, it } from "vitest";
import { telHref } from "./tel-href";

describe("telHref", () => {
  it("dials an Australian number from anywhere", () => {
    expect(telHref("(02) 9000 4100")).toBe("tel:+61290004100");
    expect(telHref("0412 345 678")).toBe("tel:+61412345678");
  });
  it("keeps an international number and short numbers as they are", () => {
    expect(telHref("+64 9 123 4567")).toBe("tel:+6491234567");
    expect(telHref("1800 022 222")).toBe("tel:1800022222");
  });
});
