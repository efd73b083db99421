import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { featuresNear } from '../../src/core/geo/clip';

const box = (x: number, y: number, name: string) => ({
  type: 'Feature' as const,
  properties: { name },
  geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});
const world: FeatureCollection = { type: 'FeatureCollection', features: [box(20, 41, 'here'), box(22, 41, 'neighbour'), box(120, -30, 'far')] };

describe('featuresNear', () => {
  it('keeps the features around an extent and drops the rest of the world', () => {
    const names = featuresNear(world, [20, 41, 21, 42], 1).features.map((f) => f.properties?.['name']);
    expect(names).toEqual(['here', 'neighbour']);
  });
  it('with no margin keeps only what meets the extent', () => {
    expect(featuresNear(world, [20, 41, 21, 42], 0).features).toHaveLength(1);
  });
});
