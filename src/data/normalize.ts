/**
 * The one normalisation behind case- and accent-insensitive look-ups: the seed stores it in `lookupText`,
 * and filters normalise their input the same way before comparing.
 */
export function normalizeForLookup(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function lookupText(props: Record<string, unknown>): string {
  const parts = [props.name, props.title, props.acronym, props.officialName, props.sourceLabel, ...(Array.isArray(props.aliases) ? props.aliases : [])];
  return normalizeForLookup(parts.filter((part): part is string => typeof part === 'string').join(' | '));
}
