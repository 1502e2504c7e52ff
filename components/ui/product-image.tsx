"use client";

import { useState } from "react";

/**
 * A product's picture: its `imageUrl`, else the catalog's convention `/products/<sku>.svg`
 * (the demo ships one per product in public/products/). Decorative (`alt=""`): the product's
 * name is always shown next to it. A product without a picture gets its initial instead of a
 * broken image.
 */
export function ProductImage({ sku, name, imageUrl, size = 40 }: { sku: string; name: string; imageUrl?: string | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  const box = { width: size, height: Math.round(size * 1.25) };
  if (failed) {
    return (
      <span
        aria-hidden="true"
        style={box}
        className="flex shrink-0 items-center justify-center rounded-md bg-slate-100 text-sm font-semibold text-slate-500"
      >
        {name.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- tiny local SVGs: the image optimizer would add nothing but a round trip
    <img src={imageUrl ?? `/products/${sku.toLowerCase()}.svg`} alt="" {...box} className="shrink-0 rounded-md" onError={() => setFailed(true)} />
  );
}
