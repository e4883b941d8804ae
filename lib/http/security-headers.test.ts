import { describe, expect, it } from "vitest";
import { crossSiteRefusal, otherSiteRefusal } from "./security-headers";

const BASE = "https://book.example.clinic";

function req(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers({ host: "book.example.clinic", ...headers }), url: `${BASE}/admin/locations` };
}

describe("otherSiteRefusal (server actions and every staff change)", () => {
  it("lets reads and the clinic's own pages through", () => {
    expect(otherSiteRefusal(req("GET", { "sec-fetch-site": "cross-site" }), BASE)).toBeNull();
    expect(otherSiteRefusal(req("POST", { origin: BASE, "sec-fetch-site": "same-origin" }), BASE)).toBeNull();
    // a non-browser client sends neither header; the session cookie (SameSite=Lax) still has to come with it
    expect(otherSiteRefusal(req("POST", {}), BASE)).toBeNull();
  });

  it("refuses a change whose browser says it came from another site", () => {
    for (const site of ["cross-site", "same-site"])
      expect(otherSiteRefusal(req("POST", { "sec-fetch-site": site }), BASE)?.status).toBe(403);
  });

  it("refuses a change from another origin, or one whose Origin cannot be read", () => {
    for (const origin of ["http://evil.example", "https://book.example.clinic.evil.example", "null", "::"])
      expect(otherSiteRefusal(req("POST", { origin }), BASE)?.status, origin).toBe(403);
  });

  it("takes any body: a server action posts a form or text", () => {
    expect(
      otherSiteRefusal(req("POST", { "content-type": "text/plain;charset=UTF-8", origin: BASE }), BASE),
    ).toBeNull();
  });
});

describe("crossSiteRefusal (the staff JSON API)", () => {
  it("asks for a JSON body first", () => {
    expect(crossSiteRefusal(req("POST", { "content-type": "text/plain", origin: BASE }), BASE)?.status).toBe(400);
  });

  it("then refuses another site as otherSiteRefusal does", () => {
    const json = { "content-type": "application/json" };
    expect(crossSiteRefusal(req("POST", { ...json, origin: BASE }), BASE)).toBeNull();
    expect(crossSiteRefusal(req("POST", { ...json, origin: "http://evil.example" }), BASE)?.status).toBe(403);
    expect(crossSiteRefusal(req("DELETE", { ...json, "sec-fetch-site": "cross-site" }), BASE)?.status).toBe(403);
  });
});
