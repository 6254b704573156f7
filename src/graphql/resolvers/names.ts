import { BadInputError } from '../../errors';
import { storedProvenance } from '../../data/entityView';
import type { EntityRecord } from '../../data/records';
import { languageTagProblem, nameIn, namesIn } from '../../graph/localizedNames';
import { reads } from './fields';

/**
 * `name(lang:)` and `names(lang:)`, shared by the kinds whose names vary by language (Organization, Country,
 * Region, Event). The choice of name lives in src/graph/localizedNames.ts; these only check the tag.
 */

/** Every stored property a name in any language may come from. */
const NAME_PROPERTIES = ['name', 'acronym', 'aliases', 'names', 'nameZh'] as const;

function langArg(lang: string | null | undefined): string | null {
  if (lang === null || lang === undefined) return null;
  const problem = languageTagProblem(lang);
  if (problem) throw new BadInputError('lang', problem);
  return lang;
}

/** Without `lang` the name is the stored English `name` (src/graph/localizedNames.ts nameIn). */
const nameProperties = (args: Record<string, unknown>) => (args.lang === null || args.lang === undefined ? ['name'] : NAME_PROPERTIES);

export const localizedNameFields = {
  name: reads(nameProperties, (entity: EntityRecord, args: { lang?: string | null }) => nameIn(entity.props, langArg(args.lang), entity.key)),
  names: reads([...NAME_PROPERTIES, 'provenance'], (entity: EntityRecord, args: { lang?: string | null }) => {
    const provenance = storedProvenance(entity.props);
    return namesIn(entity.props, langArg(args.lang)).map((name) => ({
      ...name,
      // Which of the entity's evidence gives this name: the entries quoting it word for word.
      provenance: provenance.filter((entry) => typeof entry.quote === 'string' && entry.quote.includes(name.value)),
    }));
  }),
};

/** The deprecated `Organization.nameZh`: the first Chinese NAME, as `names(lang: "zh-Hans")` gives it. */
export const nameZhField = reads(NAME_PROPERTIES, (entity: EntityRecord) => namesIn(entity.props, 'zh-Hans').find((name) => name.form === 'NAME')?.value ?? null);
