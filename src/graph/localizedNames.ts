/**
 * Names in more than one language. An entity's `name`, `acronym` and `aliases` are English (`en`, the model's
 * default language); its names in other languages (and other English forms a source tags explicitly) are the
 * `names` fact, each a value with a BCP 47 language tag and a form (NAME, ACRONYM, ALIAS).
 *
 * Neo4j properties cannot hold maps, so each stored name is one string `<tag>|<FORM>|<value>`: a tag and a form
 * never contain `|`, so splitting at the first two separators is unambiguous whatever the value holds.
 */

export const NAME_FORMS = ['NAME', 'ACRONYM', 'ALIAS'] as const;
export type NameForm = (typeof NAME_FORMS)[number];

export interface LocalizedName {
  value: string;
  /** A canonical BCP 47 tag (`zh-Hans`, `fr`). */
  lang: string;
  form: NameForm;
}

/** The language of `name`, `acronym` and `aliases`. */
export const DEFAULT_LANGUAGE = 'en';

const SEPARATOR = '|';

/**
 * Why `tag` is not a usable BCP 47 language tag, or null when it is. Well-formedness (and canonical case) is
 * ICU's, through `Intl.getCanonicalLocales`; on top, the primary language subtag must be an ISO 639 code of two
 * or three letters, which every tag in use has (ICU alone accepts reserved forms such as `english`).
 */
export function languageTagProblem(tag: string): string | null {
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    return `"${tag}" is not a BCP 47 language tag (e.g. en, fr, zh-Hans).`;
  }
  if (!/^[a-z]{2,3}$/.test(primarySubtag(canonical))) return `"${tag}" does not start with a two- or three-letter ISO 639 language code (e.g. en, fr, zh-Hans).`;
  return null;
}

/** The canonical spelling of a valid tag (`zh-hans` → `zh-Hans`); call languageTagProblem first. */
export function canonicalLanguageTag(tag: string): string {
  return Intl.getCanonicalLocales(tag)[0];
}

/** The primary language subtag (`zh-Hans` → `zh`). */
export function primarySubtag(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

export function encodeLocalizedName(name: LocalizedName): string {
  return [name.lang, name.form, name.value].join(SEPARATOR);
}

export function decodeLocalizedName(stored: string): LocalizedName | null {
  const first = stored.indexOf(SEPARATOR);
  const second = stored.indexOf(SEPARATOR, first + 1);
  if (first < 0 || second < 0) return null;
  const form = stored.slice(first + 1, second);
  if (!(NAME_FORMS as readonly string[]).includes(form)) return null;
  // In the order of LocalizedNameInput's fields, so a name read back compares equal to the same name written.
  return { value: stored.slice(second + 1), lang: stored.slice(0, first), form: form as NameForm };
}

/** A written name (an input object, or an already-encoded string as import files may hold) as a LocalizedName, or null when it is neither. */
export function asLocalizedName(item: unknown): LocalizedName | null {
  if (typeof item === 'string') return decodeLocalizedName(item);
  if (typeof item !== 'object' || item === null) return null;
  const { value, lang, form } = item as Record<string, unknown>;
  if (typeof value !== 'string' || typeof lang !== 'string') return null;
  return { value, lang, form: (typeof form === 'string' ? form : 'NAME') as NameForm };
}

/** The stored form of the `names` fact: canonical tags, encoded strings. */
export function storedLocalizedNames(items: readonly unknown[]): string[] {
  return items
    .map(asLocalizedName)
    .filter((name): name is LocalizedName => name !== null)
    .map((name) => encodeLocalizedName({ ...name, lang: languageTagProblem(name.lang) ? name.lang : canonicalLanguageTag(name.lang) }));
}

/** The `names` fact as the API writes it (input objects), from what is stored. */
export function localizedNamesFromStored(stored: unknown): LocalizedName[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const name = typeof item === 'string' ? decodeLocalizedName(item) : null;
    return name ? [name] : [];
  });
}

/**
 * Every name of an entity, default-language ones first: `name`, `acronym`, `aliases` (en), then the stored
 * `names` in their order, then a legacy `nameZh` (written before `names` existed, read as zh-Hans) unless
 * `names` already holds it.
 */
export function allNames(props: Record<string, unknown>): LocalizedName[] {
  const names: LocalizedName[] = [];
  if (typeof props.name === 'string') names.push({ value: props.name, lang: DEFAULT_LANGUAGE, form: 'NAME' });
  if (typeof props.acronym === 'string') names.push({ value: props.acronym, lang: DEFAULT_LANGUAGE, form: 'ACRONYM' });
  if (Array.isArray(props.aliases)) {
    for (const alias of props.aliases) if (typeof alias === 'string') names.push({ value: alias, lang: DEFAULT_LANGUAGE, form: 'ALIAS' });
  }
  const stored = localizedNamesFromStored(props.names);
  names.push(...stored);
  if (typeof props.nameZh === 'string' && !stored.some((name) => name.value === props.nameZh)) names.push({ value: props.nameZh, lang: 'zh-Hans', form: 'NAME' });
  return names;
}

/** The values of the names beyond `name`, `acronym` and `aliases` (stored `names`, a legacy `nameZh`), for search and look-up. */
export function otherNameValues(props: Record<string, unknown>): string[] {
  const values = localizedNamesFromStored(props.names).map((name) => name.value);
  if (typeof props.nameZh === 'string') values.push(props.nameZh);
  return [...new Set(values)];
}

/**
 * How well a stored tag serves a requested one: 3 the same tag; 2 the stored tag is the requested one's base
 * language (`zh` for `zh-Hans`); 1 another tag of the same language (`zh-Hant` for `zh-Hans`, `zh-Hans` for
 * `zh`); 0 none. Tags compare case-insensitively, as BCP 47 says.
 */
export function tagMatch(requested: string, stored: string): number {
  const want = requested.toLowerCase();
  const have = stored.toLowerCase();
  if (want === have) return 3;
  if (want.startsWith(`${have}-`)) return 2;
  return primarySubtag(want) === primarySubtag(have) ? 1 : 0;
}

/** The names in `lang` (same tag, its base language or another tag of its language), best match first; every name when lang is absent. */
export function namesIn(props: Record<string, unknown>, lang: string | null | undefined): LocalizedName[] {
  const names = allNames(props);
  if (!lang) return names;
  return names
    .map((name, index) => ({ name, index, match: tagMatch(lang, name.lang) }))
    .filter((candidate) => candidate.match > 0)
    .sort((a, b) => b.match - a.match || a.index - b.index)
    .map((candidate) => candidate.name);
}

/**
 * The name to show in `lang`: the first NAME of the best-matching tag (the same tag, then its base language,
 * then any tag of the same language), else the default (English) `name`; `fallback` when there is none.
 */
export function nameIn(props: Record<string, unknown>, lang: string | null | undefined, fallback: string): string {
  const english = typeof props.name === 'string' ? props.name : fallback;
  if (!lang) return english;
  return namesIn(props, lang).find((name) => name.form === 'NAME')?.value ?? english;
}
