// The two documents: Form 1 (Regional Social Map, HSRP) and Form 2 (Proposal on the need to
// develop social services). Albanian titles and section names are the manual's own wording
// (seeds/manual-regional-social-services.sq.txt, Formulari 1 and Formulari 2); Macedonian after
// the Law on Social Protection (2019) as commonly written; English from MANUAL.md.
// Category, service and group names come from terms.ts.
import type { Catalogue } from './types';
import { en } from './docs/en';
import { mk } from './docs/mk';
import { sq } from './docs/sq';

export const docs: Catalogue = { en, sq, mk };
