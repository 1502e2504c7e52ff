/**
 * SP-API usage plans are token buckets per operation (getOrders: 0.0167 req/s, burst 20;
 * getOrderItems: 0.5 req/s, burst 30). A gate spends one token per request and, when the bucket
 * is empty, waits for the next one instead of collecting 429s. `x-amzn-RateLimit-Limit` on a
 * response, when present, is the selling partner's actual rate and replaces the default.
 * Time is passed in (`elapsedMs`) so the arithmetic is testable; the caller sleeps.
 */
export class RateGate {
  private tokens: number;
  private lastMs: number | null = null;

  constructor(
    private rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Milliseconds to wait before the next request may go, at clock reading `nowMs`; spends the token. */
  take(nowMs: number): number {
    this.refill(nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    const wait = Math.ceil(((1 - this.tokens) / this.rate) * 1000);
    this.tokens = 0;
    this.lastMs = nowMs + wait;
    return wait;
  }

  /** A 429 means the bucket is empty whatever we counted. */
  drain(nowMs: number): void {
    this.refill(nowMs);
    this.tokens = 0;
  }

  observeLimitHeader(value: string | null): void {
    const rate = Number(value);
    if (value !== null && Number.isFinite(rate) && rate > 0) this.rate = rate;
  }

  get currentRate(): number {
    return this.rate;
  }

  private refill(nowMs: number): void {
    const last = this.lastMs ?? nowMs;
    const elapsed = Math.max(0, nowMs - last);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed / 1000) * this.rate);
    this.lastMs = Math.max(last, nowMs);
  }
}

export const SP_API_PLANS = {
  getOrders: { rate: 0.0167, burst: 20 },
  getOrderItems: { rate: 0.5, burst: 30 },
} as const;
