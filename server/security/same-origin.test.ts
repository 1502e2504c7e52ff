import { describe, expect, it } from "vitest";
import { csrfRefusal } from "./same-origin";

const req = (headers: Record<string, string>, url = "http://localhost:3000/api/v1/x") => new Request(url, { method: "POST", headers });
const json = { "content-type": "application/json" };

describe("csrfRefusal", () => {
  it("passes the app's own fetch: Sec-Fetch-Site same-origin, or an Origin of the app (Host or configured)", () => {
    expect(csrfRefusal(req({ ...json, "sec-fetch-site": "same-origin" }), [])).toBeNull();
    expect(csrfRefusal(req({ ...json, origin: "http://localhost:3000" }), [])).toBeNull();
    expect(csrfRefusal(req({ ...json, origin: "https://shop.example.com" }, "http://10.0.0.5:3000/api"), ["https://shop.example.com/"])).toBeNull();
    expect(
      csrfRefusal(req({ ...json, origin: "https://shop.example.com", "x-forwarded-host": "shop.example.com", "x-forwarded-proto": "https" }), []),
    ).toBeNull();
  });

  it("refuses another site, a same-site subdomain, a missing Origin, and a non-JSON body — naming the header", () => {
    expect(csrfRefusal(req({ ...json, "sec-fetch-site": "cross-site", origin: "https://evil.example" }), [])?.field).toBe("sec-fetch-site");
    expect(csrfRefusal(req({ ...json, "sec-fetch-site": "same-site" }), [])?.field).toBe("sec-fetch-site");
    expect(csrfRefusal(req({ ...json, origin: "http://localhost:3001" }), [])?.field).toBe("origin");
    expect(csrfRefusal(req({ ...json, origin: "null" }), [])?.field).toBe("origin");
    expect(csrfRefusal(req(json), [])?.field).toBe("origin");
    expect(csrfRefusal(req({ "sec-fetch-site": "same-origin", "content-type": "text/plain" }), [])?.field).toBe("content-type");
    expect(csrfRefusal(req({ "sec-fetch-site": "same-origin" }), [])?.field).toBe("content-type");
    expect(csrfRefusal(req({ "sec-fetch-site": "same-origin", "content-type": "Application/JSON; charset=utf-8" }), [])).toBeNull();
  });
});
