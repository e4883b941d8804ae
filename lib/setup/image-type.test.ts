import { describe, expect, it } from "vitest";
import { sniffPhotoType } from "./image-type";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffPhotoType", () => {
  it("knows PNG, JPEG and WebP by their first bytes", () => {
    expect(sniffPhotoType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffPhotoType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffPhotoType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses everything else, and the magic cut short", () => {
    for (const b of [
      bytes("GIF89a"),
      bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "),
      bytes("%PDF-1.7"),
      bytes([0x89], "PNG"),
      bytes([0xff, 0xd8]),
      bytes("RIFF", [1, 2, 3, 4], "WEB"),
      new Uint8Array(),
    ])
      expect(sniffPhotoType(b)).toBeNull();
  });
});
