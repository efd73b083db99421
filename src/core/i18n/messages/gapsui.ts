// UI strings of the gaps and services views (maps, tables, norms, priorities, scenarios).
// Shared vocabulary (category., service., group., status., provider.) and the engine's terms
// (gaps.*) live elsewhere. Albanian after the manual (e.g. "Kapacitete të pashfrytëzuara në
// dispozicion", 4.2); Macedonian in Cyrillic.
import type { Catalogue } from './types';
import { en } from './gapsui/en';
import { mk } from './gapsui/mk';
import { sq } from './gapsui/sq';

export const gapsui: Catalogue = { en, sq, mk };
