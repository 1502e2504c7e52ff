/**
 * Real SDK functions used by the contract tests (and the @inngest/test
 * example). `probes` counts how often user code actually ran, which is how
 * the tests see memoisation, retries and concurrency from the app's side.
 */
import type { Inngest } from "inngest";

export function createProbes() {
  return {
    calls: new Map<string, number>(),
    active: new Map<string, number>(),
    maxActive: new Map<string, number>(),
    hit(name: string): number {
      const n = (this.calls.get(name) ?? 0) + 1;
      this.calls.set(name, n);
      return n;
    },
    count(name: string): number {
      return this.calls.get(name) ?? 0;
    },
    /** Tracks how many bodies tagged `group` overlap in time. */
    async overlap<T>(group: string, fn: () => Promise<T>): Promise<T> {
      const now = (this.active.get(group) ?? 0) + 1;
      this.active.set(group, now);
      this.maxActive.set(group, Math.max(now, this.maxActive.get(group) ?? 0));
      try {
        return await fn();
      } finally {
        this.active.set(group, (this.active.get(group) ?? 1) - 1);
      }
    },
  };
}

export type Probes = ReturnType<typeof createProbes>;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function memoFunction(client: Inngest, probes: Probes) {
  return client.createFunction({ id: "memo", triggers: [{ event: "test/memo" }] }, async ({ step }) => {
    probes.hit("memo:fn");
    const a = await step.run("a", () => probes.hit("memo:a"));
    const b = await step.run("b", () => {
      probes.hit("memo:b");
      return a + 1;
    });
    return { a, b };
  });
}

export function stepFunctions(client: Inngest, probes: Probes) {
  const child = client.createFunction({ id: "child" }, async ({ event }) => ({ doubled: Number((event.data as { n?: unknown }).n) * 2 }));
  return [
    memoFunction(client, probes),
    child,
    client.createFunction({ id: "hello", triggers: [{ event: "test/hello" }] }, async ({ event }) => ({ greeting: `hi ${String(event.data.name)}` })),
    client.createFunction(
      { id: "vip-only", triggers: [{ event: "test/customer", if: "event.data.vip == true" }] },
      async ({ event }) => event.data.name,
    ),
    client.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
      const part = (id: string, value: number) =>
        step.run(id, () =>
          probes.overlap("parallel", async () => {
            probes.hit(`parallel:${id}`);
            await pause(100);
            return value;
          }),
        );
      const [x, y, z] = await Promise.all([part("x", 1), part("y", 2), part("z", 3)]);
      return step.run("sum", () => x + y + z);
    }),
    client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ event, step }) => {
      const before = await step.run("before", () => Date.now());
      await step.sleep("nap", String(event.data.duration));
      const after = await step.run("after", () => Date.now());
      return { slept: after - before };
    }),
    client.createFunction({ id: "sleep-until", triggers: [{ event: "test/sleep-until" }] }, async ({ event, step }) => {
      await step.sleepUntil("wake", new Date(Number(event.data.at)));
      return step.run("woke", () => Date.now());
    }),
    client.createFunction({ id: "await-payment", triggers: [{ event: "test/order.placed" }] }, async ({ step }) => {
      const paid = await step.waitForEvent("wait-paid", { event: "test/order.paid", match: "data.orderId", timeout: "1s" });
      return paid ? { paid: true, amount: paid.data.amount } : { paid: false };
    }),
    client.createFunction({ id: "await-if", triggers: [{ event: "test/quote.requested" }] }, async ({ step }) => {
      const quote = await step.waitForEvent("wait-quote", {
        event: "test/quote.ready",
        if: "event.data.id == async.data.id && async.data.price > 10",
        timeout: "5s",
      });
      return quote?.data.price ?? null;
    }),
    client.createFunction({ id: "fan-out", triggers: [{ event: "test/fan-out" }] }, async ({ event, step }) => {
      const sent = await step.sendEvent("emit", { name: "test/fanned", data: { n: event.data.n } });
      return sent.ids;
    }),
    client.createFunction({ id: "fanned", triggers: [{ event: "test/fanned" }] }, async ({ event }) => Number(event.data.n) * 2),
    client.createFunction({ id: "race", triggers: [{ event: "test/race" }] }, async ({ step, group }) =>
      group.parallel({ mode: "race" }, () =>
        Promise.race([
          step.run("slow", async () => {
            await pause(300);
            return "slow";
          }),
          step.run("fast", () => "fast"),
        ]),
      ),
    ),
    client.createFunction(
      { id: "once-per-order", idempotency: "event.data.orderId", triggers: [{ event: "test/confirm" }] },
      async ({ event }) => event.data.orderId,
    ),
    client.createFunction({ id: "nightly", triggers: [{ cron: "TZ=Europe/Berlin 0 3 * * *" }] }, async ({ event }) => ({
      name: event.name,
      cron: "cron" in event.data ? event.data.cron : undefined,
    })),
    client.createFunction({ id: "parent", triggers: [{ event: "test/invoke" }] }, async ({ step }) =>
      step.invoke("call-child", { function: child, data: { n: 21 } }),
    ),
  ];
}
