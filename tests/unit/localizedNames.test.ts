import { decodeLocalizedName, encodeLocalizedName, languageTagProblem, nameIn, namesIn, storedLocalizedNames, tagMatch } from '../../src/graph/localizedNames';
import { entityProperties } from '../../src/graph/storedProperties';
import { valueProblems } from '../../src/writes/validate';
import { ENTITY_FIELDS } from '../../src/graph/model';

/** Names with BCP 47 tags: how they are checked, stored, chosen by language and made findable. */
const CGS = { name: 'China Geological Survey', acronym: 'CGS', aliases: ['CGS'], names: ['zh-Hans|NAME|中国地质调查局'] };

describe('language tags', () => {
  it('accepts well-formed BCP 47 tags and refuses others, naming the tag', () => {
    for (const tag of ['en', 'fr', 'zh-Hans', 'zh-hant', 'zh-Hans-CN', 'de-CH-1996']) expect([tag, languageTagProblem(tag)]).toEqual([tag, null]);
    for (const tag of ['', 'zh_Hans', 'english', 'Chinese (simplified)', 'x-private']) expect(languageTagProblem(tag)).toContain(`"${tag}"`);
  });

  it('ranks the same tag over its base language over another tag of the language, case-insensitively', () => {
    expect([tagMatch('zh-Hans', 'zh-hans'), tagMatch('zh-Hans', 'zh'), tagMatch('zh-Hans', 'zh-Hant'), tagMatch('zh', 'zh-Hans'), tagMatch('fr', 'en')]).toEqual([3, 2, 1, 1, 0]);
  });
});

describe('stored names', () => {
  it('round-trips a value holding the separator, and stores the canonical tag', () => {
    const name = { value: 'A | B', lang: 'fr', form: 'ALIAS' as const };
    expect(decodeLocalizedName(encodeLocalizedName(name))).toEqual(name);
    expect(storedLocalizedNames([{ value: '中国地质调查局', lang: 'zh-hans', form: 'NAME' }])).toEqual(['zh-Hans|NAME|中国地质调查局']);
  });

  it('puts names in other languages into lookupText and namesText, and leaves namesText out when there are none', () => {
    const props = entityProperties('Organization', 'cgs', CGS, []);
    expect(String(props.lookupText).split(' | ')).toContain('中国地质调查局');
    expect(props.namesText).toBe('中国地质调查局');
    expect(entityProperties('Organization', 'iugs', { name: 'International Union of Geological Sciences' }, [])).not.toHaveProperty('namesText');
  });

  it('refuses a written name whose tag is malformed with INVALID_LANGUAGE_TAG on its lang', () => {
    const problems = valueProblems([{ value: '中国地质调查局', lang: 'chinese', form: 'NAME' }], ENTITY_FIELDS.Organization.names, ['fields', 'names']);
    expect(problems).toEqual([{ field: ['fields', 'names', '0', 'lang'], code: 'INVALID_LANGUAGE_TAG', message: expect.stringContaining('"chinese"') }]);
  });
});

describe('choosing a name by language', () => {
  it('falls back from the tag to its language, then to English', () => {
    expect([nameIn(CGS, 'zh-Hans', 'cgs'), nameIn(CGS, 'zh', 'cgs'), nameIn(CGS, 'zh-Hans-HK', 'cgs'), nameIn(CGS, 'fr', 'cgs'), nameIn(CGS, null, 'cgs')]).toEqual([
      '中国地质调查局',
      '中国地质调查局',
      '中国地质调查局',
      'China Geological Survey',
      'China Geological Survey',
    ]);
  });

  it('reads a legacy nameZh as a zh-Hans name, once', () => {
    expect(namesIn({ name: 'X', nameZh: '中国地质调查局' }, 'zh')).toEqual([{ value: '中国地质调查局', lang: 'zh-Hans', form: 'NAME' }]);
    expect(namesIn({ ...CGS, nameZh: '中国地质调查局' }, 'zh')).toHaveLength(1);
  });
});
