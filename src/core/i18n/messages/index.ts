import type { Catalogue } from './types';
import { app } from './app';
import { terms } from './terms';
import { compare } from './compare';
import { docs } from './docs';
import { importMessages } from './import';
import { gaps } from './gaps';
import { gapsui } from './gapsui';
import { embed } from './embed';
import { docspage } from './docspage';
import { importUi } from './importui';

/** Every feature's catalogue. Add new feature files here. */
export const catalogues: Catalogue[] = [app, terms, compare, docs, importMessages, gaps, embed, gapsui, docspage, importUi];
