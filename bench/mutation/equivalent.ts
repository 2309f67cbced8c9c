/**
 * Surviving mutants that no check can kill because they behave exactly like the reference, each
 * with the reason. Keyed per exercise by mutator, original text and replacement (not by line, so
 * an edit elsewhere in the file keeps the record).
 */
export const equivalenceKey = (mutator: string, original: string, replacement: string) => `${mutator}: ${original} → ${replacement}`;

export const EQUIVALENT: Record<string, Record<string, string>> = {};
