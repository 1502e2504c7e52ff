/**
 * Geometry for "floating" edges: they leave and enter a state's box on the side facing the
 * other state, so edges stay readable whatever the layout (back edges, vertical neighbours).
 */
export type Point = { x: number; y: number };
export type Rect = { x: number; y: number; width: number; height: number };

const center = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Where the ray from the rectangle's centre toward `toward` crosses its border. */
export function borderPoint(r: Rect, toward: Point): Point {
  const c = center(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(dx === 0 ? Infinity : r.width / 2 / Math.abs(dx), dy === 0 ? Infinity : r.height / 2 / Math.abs(dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

export type EdgeGeometry = { path: string; labelX: number; labelY: number };

/** Separation between fanned-out parallel edges at their middle, in px. */
export const FAN_SPACING = 56;

/**
 * A straight edge for `offset` 0, otherwise a quadratic curve bowed sideways by
 * offset × FAN_SPACING. `flip` is true when the edge runs against the pair's canonical
 * direction, so A→B and B→A with opposite offsets bow to different sides.
 */
export function edgeGeometry(source: Rect, target: Rect, offset: number, flip: boolean): EdgeGeometry {
  if (source === target || (source.x === target.x && source.y === target.y && source.width === target.width)) {
    return selfLoop(source, offset);
  }
  const cs = center(source);
  const ct = center(target);
  const len = Math.hypot(ct.x - cs.x, ct.y - cs.y) || 1;
  const sign = flip ? -1 : 1;
  // Unit normal of the canonical direction.
  const nx = (-(ct.y - cs.y) / len) * sign;
  const ny = ((ct.x - cs.x) / len) * sign;
  const mid = { x: (cs.x + ct.x) / 2, y: (cs.y + ct.y) / 2 };
  // A quadratic's apex sits halfway to its control point, hence ×2.
  const control = { x: mid.x + nx * offset * FAN_SPACING * 2, y: mid.y + ny * offset * FAN_SPACING * 2 };
  const s = borderPoint(source, offset === 0 ? ct : control);
  const t = borderPoint(target, offset === 0 ? cs : control);
  if (offset === 0) {
    return { path: `M ${s.x},${s.y} L ${t.x},${t.y}`, labelX: (s.x + t.x) / 2, labelY: (s.y + t.y) / 2 };
  }
  return {
    path: `M ${s.x},${s.y} Q ${control.x},${control.y} ${t.x},${t.y}`,
    labelX: 0.25 * s.x + 0.5 * control.x + 0.25 * t.x,
    labelY: 0.25 * s.y + 0.5 * control.y + 0.25 * t.y,
  };
}

/** A loop over the top of the box for transitions back into the same state. */
function selfLoop(r: Rect, offset: number): EdgeGeometry {
  const lift = 50 + Math.abs(offset) * 30;
  const x1 = r.x + r.width * 0.7;
  const x2 = r.x + r.width * 0.3;
  const y = r.y;
  return {
    path: `M ${x1},${y} C ${x1 + 40},${y - lift} ${x2 - 40},${y - lift} ${x2},${y}`,
    labelX: r.x + r.width / 2,
    labelY: y - lift * 0.75,
  };
}
