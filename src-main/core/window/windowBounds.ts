export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowSize = { width: 1280, height: 800 };
export const minimumWindowSize = { width: 960, height: 600 };

/**
 * Where to open the window: where it was, unless that place is no longer on any
 * screen (a laptop undocked from its second monitor), then a default size.
 */
export function restoreWindowBounds(saved: unknown, workAreas: readonly Rect[]): Rect | undefined {
  if (!isRect(saved)) return undefined;
  const width = Math.max(saved.width, minimumWindowSize.width);
  const height = Math.max(saved.height, minimumWindowSize.height);
  const visible = workAreas.some((area) => overlap(area, { ...saved, width, height }) >= 100 * 100);
  return visible ? { x: saved.x, y: saved.y, width, height } : undefined;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(r[k]));
}
