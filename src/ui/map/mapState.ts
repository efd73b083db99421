// The feature-state one map shows: the units' paint and the active region.
import { paintChanges, type UnitPaint } from '../../core/views/map-paint';
import type { MapUnit, MapView } from '../../core/views/map';
import { SOURCE } from './layers';

/**
 * Units whose paint is written per frame once the map has tiles. MapLibre redraws a change of
 * feature-state by rewriting, in the next frame, the paint of every changed feature in every
 * tile: for a national layer (10,000 units) under software WebGL that is one frame of
 * ~450 ms that blocks input. In slices, each frame stays short and the colours arrive over a
 * few frames; a real data set (a few hundred units) is still written at once.
 */
export const UNITS_PER_FRAME = 1500;

/** What MapState needs of a map (a MapLibre map; a fake in tests). */
export interface StateTarget {
  setFeatureState(feature: { source: string; id?: string | number }, state: Record<string, unknown>): unknown;
}

export class MapState {
  private readonly written = new Map<string, UnitPaint>();
  private queue: [string, UnitPaint][] = [];
  private next = 0;
  private frame = 0;
  private regionId: string | null = null;

  constructor(readonly map: StateTarget) {}

  /** Paint writes still waiting for a frame. */
  get pending(): boolean {
    return this.next < this.queue.length;
  }

  /**
   * Shows `view`: writes what differs from what the map shows. `all`: every unit now (before
   * the first tiles, when a write costs nothing to draw).
   */
  show(view: Pick<MapView, 'regionId'> & { units: readonly Pick<MapUnit, 'id' | 'color' | 'inFocus'>[] }, all = false): void {
    const set = (id: string, state: Record<string, unknown>) => this.map.setFeatureState({ source: SOURCE, id }, state);
    const regionId = view.regionId ?? null;
    if (this.regionId !== regionId) {
      if (this.regionId) set(this.regionId, { active: false });
      if (regionId) set(regionId, { active: true });
      this.regionId = regionId;
    }
    this.queue = paintChanges(this.written, view);
    this.next = 0;
    cancelAnimationFrame(this.frame);
    this.write(all ? this.queue.length : UNITS_PER_FRAME);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.queue = [];
  }

  private write(count: number): void {
    const end = Math.min(this.queue.length, this.next + count);
    for (; this.next < end; this.next++) {
      const [id, paint] = this.queue[this.next] as [string, UnitPaint];
      this.map.setFeatureState({ source: SOURCE, id }, { ...paint });
      this.written.set(id, paint);
    }
    if (this.pending) this.frame = requestAnimationFrame(() => this.write(UNITS_PER_FRAME));
  }
}
