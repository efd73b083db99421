// How many positions a TopoJSON topology expands to, counted before expanding it. Arcs are
// shared: a 600 KB file whose one arc of 100,000 points is used by 1,000 geometries becomes 100
// million positions, which exhausts memory long before the vertex limit is checked on the
// GeoJSON. Counting stops as soon as the total passes `stopAbove`.
import { own, ownKeys } from './props';

export function topologyPositions(topology: unknown, stopAbove: number): number {
  const arcs = own(topology, 'arcs');
  const arcLength = (i: unknown): number => {
    if (typeof i !== 'number' || !Number.isInteger(i) || !Array.isArray(arcs)) return 0;
    const a: unknown = arcs[i < 0 ? ~i : i];
    return Array.isArray(a) ? a.length : 0;
  };
  let total = 0;
  // explicit stack (objects → geometries → nested arc index arrays): no recursion limit
  const stack: { v: unknown; kind: 'geometry' | 'arcs' }[] = [];
  const objects = own(topology, 'objects');
  for (const k of ownKeys(objects)) stack.push({ v: own(objects, k), kind: 'geometry' });
  while (stack.length > 0 && total <= stopAbove) {
    const { v, kind } = stack.pop() as { v: unknown; kind: 'geometry' | 'arcs' };
    if (kind === 'arcs') {
      if (!Array.isArray(v)) continue;
      for (const x of v) {
        if (Array.isArray(x)) stack.push({ v: x, kind: 'arcs' });
        else total += arcLength(x);
      }
      continue;
    }
    const geometries = own(v, 'geometries');
    if (Array.isArray(geometries)) for (const g of geometries) stack.push({ v: g, kind: 'geometry' });
    const refs = own(v, 'arcs');
    if (refs !== undefined) stack.push({ v: refs, kind: 'arcs' });
    const coords = own(v, 'coordinates');
    if (Array.isArray(coords)) total += coords.length;
  }
  return total;
}
