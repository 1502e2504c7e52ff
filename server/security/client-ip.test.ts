import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const xff = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("clientIp", () => {
  it("next start without a proxy: the entry Next's server set (the socket's peer)", () => {
    expect(clientIp(xff("127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(xff("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(xff("::1"), 0)).toBe("::1");
  });

  it("behind trusted proxies: the hops-th entry from the right, whatever the client prepended", () => {
    expect(clientIp(xff("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIp(xff("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("no header, too few entries or a non-address: one shared 'unknown' bucket", () => {
    expect(clientIp(xff(), 0)).toBe("unknown");
    expect(clientIp(xff("203.0.113.7"), 3)).toBe("unknown");
    expect(clientIp(xff("not-an-ip"), 0)).toBe("unknown");
    expect(clientIp({ "x-forwarded-for": "198.51.100.1" }, 0)).toBe("198.51.100.1");
  });
});
