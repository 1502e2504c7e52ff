import { describe, expect, it, vi } from "vitest";
import { ANNOUNCE_CHUNK, announceOrders, type AnnounceSend } from "./announce-orders";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);

describe("announceOrders", () => {
  it("sends order/created in chunks with deterministic ids", async () => {
    const sent: Array<[number, string[]]> = [];
    const send: AnnounceSend = async (chunk, events) => void sent.push([chunk, events.map((e) => e.id!)]);
    expect(await announceOrders(ids(ANNOUNCE_CHUNK + 2), send)).toBe(ANNOUNCE_CHUNK + 2);
    expect(sent.map(([chunk, evs]) => [chunk, evs.length])).toEqual([
      [0, ANNOUNCE_CHUNK],
      [1, 2],
    ]);
    expect(sent[1]![1]).toEqual(
      ids(ANNOUNCE_CHUNK + 2)
        .slice(-2)
        .map((id) => `order-created-${id}`),
    );
  });

  it("a failed send is logged and left to the sweeper, never thrown; the other chunks still go", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const send: AnnounceSend = async (chunk) => {
      if (chunk === 0) throw new Error("inngest unreachable");
    };
    expect(await announceOrders(ids(ANNOUNCE_CHUNK + 1), send)).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("sweeper will re-announce"), "inngest unreachable");
    log.mockRestore();
  });
});
