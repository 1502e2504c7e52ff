/** A request body read up to a limit: the bytes, or that it was larger (and how much was read). */
export type BoundedBody = { tooLarge: false; body: Uint8Array } | { tooLarge: true; body: Uint8Array; declaredBytes: number | null };

/**
 * Reads at most `max` bytes of the body. A `Content-Length` above the limit is refused before
 * a byte is read; a body that streams past it (no or a lying Content-Length) is cut there and
 * the rest never read. Either way no more than `max` bytes are ever held in memory. When too
 * large, `body` is what arrived before the cut (empty if refused on Content-Length).
 */
export async function readBoundedBody(req: Request, max: number): Promise<BoundedBody> {
  const declared = req.headers.get("content-length");
  const declaredBytes = declared !== null && /^\d+$/.test(declared) ? Number(declared) : null;
  if (declaredBytes !== null && declaredBytes > max) {
    await req.body?.cancel().catch(() => {});
    return { tooLarge: true, body: new Uint8Array(0), declaredBytes };
  }
  if (!req.body) return { tooLarge: false, body: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      await reader.cancel().catch(() => {});
      return { tooLarge: true, body: concat(chunks, max), declaredBytes };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { tooLarge: false, body: concat(chunks, size) };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
