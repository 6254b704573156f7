/**
 * The one normalisation behind case- and accent-insensitive look-ups: the seed stores it in `lookupText`,
 * and filters normalise their input the same way before comparing.
 */
export function normalizeForLookup(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `otherNames`: the entity's names in other languages (src/graph/localizedNames.ts), looked up like aliases. */
export function lookupText(props: Record<string, unknown>, otherNames: readonly string[] = []): string {
  const parts = [props.name, props.title, props.acronym, props.officialName, props.sourceLabel, ...termsOf(props), ...otherNames];
  return normalizeForLookup(parts.filter((part): part is string => typeof part === 'string').join(' | '));
}

/** The list-valued names an entity is also known by: aliases, the source's labels for it, the partner kinds it names. */
export function termsOf(props: Record<string, unknown>): string[] {
  return TERM_LISTS.flatMap((name) => (Array.isArray(props[name]) ? (props[name] as unknown[]) : [])).filter((term): term is string => typeof term === 'string');
}

const TERM_LISTS = ['aliases', 'sourceLabels', 'partnerTypeLabels'] as const;
