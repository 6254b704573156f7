import { executeAs, principal, startOwnGraph, type OwnGraph } from '../helpers/ownGraph';

/**
 * Names in more than one language on a real, seeded Neo4j of its own (the test writes): each name carries a
 * BCP 47 tag and a form, `name(lang:)` falls back from the tag to its language to English, and search and
 * look-up find an entity by its name in any language.
 */
const editor = principal('editor', 'Language Editor');

let graph: OwnGraph;
beforeAll(async () => {
  graph = await startOwnGraph('languages');
}, 240_000);
afterAll(async () => {
  await graph?.stop();
});

const run = (query: string, variables: Record<string, unknown> = {}) => executeAs(graph.server, editor, query, variables);

async function data(query: string, variables: Record<string, unknown> = {}) {
  const result = await run(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const NAMES = `
  query($key: String!, $lang: String) {
    organization(key: $key) { names(lang: $lang) { value lang form provenance { source { key } quote } } }
  }`;

describe('names with language tags', () => {
  it('lists the English name, acronym and aliases as en, then CGS’s Chinese name as zh-Hans with the quote that gives it', async () => {
    const { organization } = await data(NAMES, { key: 'cgs' });
    expect(organization.names.map((name: any) => [name.lang, name.form, name.value])).toEqual([
      ['en', 'NAME', 'China Geological Survey'],
      ['en', 'ACRONYM', 'CGS'],
      ['en', 'ALIAS', 'CGS'],
      ['zh-Hans', 'NAME', '中国地质调查局'],
    ]);
    const chinese = organization.names[3];
    expect(chinese.provenance).toEqual([{ source: { key: 'wikipedia-china-geological-survey' }, quote: expect.stringContaining('中国地质调查局') }]);
  });

  it('holds a name in each of four languages in the seed: English, French (CGMW), simplified and traditional Chinese (MNR)', async () => {
    const { cgmw, mnr } = await data(`{
      cgmw: organization(key: "cgmw") { names(lang: "fr") { value lang form } }
      mnr: organization(key: "mnr") { names(lang: "zh-Hant") { value lang form provenance { quote } } }
    }`);
    expect(cgmw.names).toEqual([
      { value: 'Commission de la Carte Géologique du Monde', lang: 'fr', form: 'NAME' },
      { value: 'CCGM', lang: 'fr', form: 'ACRONYM' },
    ]);
    // The exact tag first, then the other script of the same language.
    expect(mnr.names.map((name: any) => [name.lang, name.value])).toEqual([
      ['zh-Hant', '中華人民共和國自然資源部'],
      ['zh-Hans', '中华人民共和国自然资源部'],
    ]);
    expect(mnr.names[0].provenance[0].quote).toContain('Traditional Chinese');
  });

  it('gives name(lang:) the same tag, else its base language or another tag of its language, else English', async () => {
    const { cgs, cgmw, mnr, china } = await data(`{
      cgs: organization(key: "cgs") { en: name(lang: "en") fr: name(lang: "fr") zh: name(lang: "zh") zhHans: name(lang: "zh-Hans") zhHansCn: name(lang: "zh-Hans-CN") none: name nameZh }
      cgmw: organization(key: "cgmw") { frCa: name(lang: "fr-CA") }
      mnr: organization(key: "mnr") { zhHant: name(lang: "zh-hant") zh: name(lang: "zh") }
      china: country(code: "CN") { fr: name(lang: "fr") names(lang: "zh") { value } }
    }`);
    expect(cgs).toEqual({ en: 'China Geological Survey', fr: 'China Geological Survey', zh: '中国地质调查局', zhHans: '中国地质调查局', zhHansCn: '中国地质调查局', none: 'China Geological Survey', nameZh: '中国地质调查局' });
    expect(cgmw.frCa).toBe('Commission de la Carte Géologique du Monde');
    expect(mnr).toEqual({ zhHant: '中華人民共和國自然資源部', zh: '中华人民共和国自然资源部' });
    expect(china).toEqual({ fr: 'China', names: [] });
  });

  it('refuses a language tag that is not BCP 47 with BAD_USER_INPUT and a message naming the tag', async () => {
    for (const lang of ['not a tag', 'english', 'zh_Hans', '']) {
      const result = await run(`query($lang: String) { organization(key: "cgs") { name(lang: $lang) } }`, { lang });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(`"${lang}"`);
    }
  });
});

describe('search and look-up across languages', () => {
  it('finds CGS first, as an exact match, when searching for 中国地质调查局', async () => {
    const { search } = await data(`{ search(query: "中国地质调查局", first: 3) { edges { match node { kind key } } } }`);
    expect(search.edges[0]).toEqual({ match: 'EXACT', node: { kind: 'ORGANIZATION', key: 'cgs' } });
  });

  it('looks up CGS, MNR (in either script) and CGMW by their names in Chinese and French', async () => {
    const { cgs, mnrHans, mnrHant, cgmw } = await data(`{
      cgs: lookup(name: "中国地质调查局") { key }
      mnrHans: lookup(name: "中华人民共和国自然资源部") { key }
      mnrHant: lookup(name: "中華人民共和國自然資源部") { key }
      cgmw: lookup(name: "commission de la carte geologique du monde") { key }
    }`);
    expect({ cgs, mnrHans, mnrHant, cgmw }).toEqual({ cgs: [{ key: 'cgs' }], mnrHans: [{ key: 'mnr' }], mnrHant: [{ key: 'mnr' }], cgmw: [{ key: 'cgmw' }] });
  });

  it('indexes the names in every language in the entity_search full-text index', async () => {
    const session = graph.server.database.driver.session();
    try {
      const result = await session.run("SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = 'entity_search' RETURN properties");
      expect(result.records[0].get('properties')).toContain('namesText');
    } finally {
      await session.close();
    }
  });
});

describe('writing names with language tags', () => {
  const CREATE = `
    mutation($input: CreateOrganizationInput!) {
      createOrganization(input: $input) { organization { id version names { value lang form } } userErrors { field code message } }
    }`;
  const UPDATE = `
    mutation($input: UpdateOrganizationInput!) {
      updateOrganization(input: $input) { organization { version names { lang value } } changed userErrors { field code message } }
    }`;
  const CAGS_QUOTE = 'The Chinese Academy of Geological Sciences (CAGS; Chinese: 中国地质科学院)';
  const FIND = `query($q: String!) { search(query: $q, first: 5) { edges { node { key } } } lookup(name: $q) { key } }`;
  let cagsId: string;

  it('stores a name written with a lower-case tag under its canonical tag, searchable at once', async () => {
    const { createOrganization } = await data(CREATE, {
      input: {
        key: 'cags',
        fields: { name: 'Chinese Academy of Geological Sciences', acronym: 'CAGS', names: [{ value: '中国地质科学院', lang: 'zh-hans' }] },
        provenance: { quote: CAGS_QUOTE, confidence: 'HIGH', note: 'https://en.wikipedia.org/wiki/Chinese_Academy_of_Geological_Sciences' },
      },
    });
    expect(createOrganization.userErrors).toEqual([]);
    expect(createOrganization.organization.names).toContainEqual({ value: '中国地质科学院', lang: 'zh-Hans', form: 'NAME' });
    cagsId = createOrganization.organization.id;
    const found = await data(FIND, { q: '中国地质科学院' });
    expect(found.search.edges[0].node.key).toBe('cags');
    expect(found.lookup).toEqual([{ key: 'cags' }]);
  });

  it('gives projects, themes, positions and training programmes their English name in any language, none other being recorded', async () => {
    const result = await data(`{
      project(key: "programme-developed-countries") { zh: name(lang: "zh") en: name names { value lang form } }
      theme(key: "hydrogeology") { fr: name(lang: "fr") names(lang: "fr") { value } }
      position(key: "cgs-staff-position-iugs") { zh: name(lang: "zh-Hans") names { lang } }
      trainingProgram(key: "cgs-training-of-foreign-officials-and-scientists") { zh: name(lang: "zh") } }`);
    expect(result.project.zh).toBe(result.project.en);
    expect(result.project.names).toEqual([{ value: result.project.en, lang: 'en', form: 'NAME' }]);
    expect(result.theme).toEqual({ fr: 'Hydrogeology', names: [] });
    expect(result.position.zh).toBe('A position of CGS staff in IUGS — title not stated');
    expect(result.position.names).toEqual([{ lang: 'en' }]);
    expect(typeof result.trainingProgram.zh).toBe('string');
    const bad = await run('{ theme(key: "hydrogeology") { name(lang: "not a tag") } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a name whose tag is not BCP 47 with INVALID_LANGUAGE_TAG on that item’s lang, writing nothing', async () => {
    const { updateOrganization } = await data(UPDATE, {
      input: { id: cagsId, set: { names: [{ value: '中国地质科学院', lang: 'Chinese (simplified)' }] }, provenance: { note: 'bad tag' } },
    });
    expect(updateOrganization.organization).toBeNull();
    expect(updateOrganization.userErrors).toEqual([{ field: ['set', 'names', '0', 'lang'], code: 'INVALID_LANGUAGE_TAG', message: expect.stringContaining('"Chinese (simplified)" is not a BCP 47 language tag') }]);
    const { organization } = await data(`{ organization(key: "cags") { version names(lang: "zh") { lang } } }`);
    expect(organization).toEqual({ version: 1, names: [{ lang: 'zh-Hans' }] });
  });

  it('forgets the names once they are unset: neither search nor look-up finds the Chinese name any more', async () => {
    const { updateOrganization } = await data(UPDATE, { input: { id: cagsId, unset: ['NAMES'], provenance: { note: 'names removed' } } });
    expect(updateOrganization.userErrors).toEqual([]);
    expect(updateOrganization.organization.names.map((name: any) => name.lang)).toEqual(['en', 'en']);
    const found = await data(FIND, { q: '中国地质科学院' });
    expect(found.search.edges.map((edge: any) => edge.node.key)).not.toContain('cags');
    expect(found.lookup).toEqual([]);
  });
});
