import type { Catalogue } from './types';
import { app } from './app';

/** Every feature's catalogue. Add new feature files here. */
export const catalogues: Catalogue[] = [app];
