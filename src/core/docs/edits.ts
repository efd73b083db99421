// Everything the council changed in the two documents of one region, as the workspace stores
// it: Form 1's narrative fields and Form 2's fields and table 5 decisions. JSON in and out,
// validated on the way in (stored data is data, like any file).
import { editsFromJson, editsToJson, type FieldEdits, type RichText } from './model';
import { emptyProposalEdits, proposalEditsFromJson, proposalEditsToJson, type ProposalEdits } from './proposal';

export interface DocEdits {
  form1: FieldEdits;
  form2: ProposalEdits;
}

export const emptyDocEdits = (): DocEdits => ({ form1: new Map<string, RichText>(), form2: emptyProposalEdits() });

export const docEditsToJson = (e: DocEdits): unknown => ({ version: 1, form1: editsToJson(e.form1), form2: proposalEditsToJson(e.form2) });

export function docEditsFromJson(v: unknown): DocEdits {
  if (typeof v !== 'object' || v === null) return emptyDocEdits();
  const o = v as { form1?: unknown; form2?: unknown };
  return { form1: editsFromJson(o.form1), form2: proposalEditsFromJson(o.form2) };
}
