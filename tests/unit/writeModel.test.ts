import path from 'node:path';
import { buildASTSchema, concatAST, getNamedType, isEnumType, isListType, isNonNullType, parse, type GraphQLInputObjectType, type GraphQLInputType } from 'graphql';
import { ENTITY_FIELDS, QUALIFIER_FIELDS, RELATIONSHIP_RULES, keyProblem } from '../../src/graph/model';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../src/graph/vocabulary';
import { loadTypeDefs } from '../../src/graphql/typeDefs';
import { diff } from '../../src/writes/history';
import { entityFieldProblems, isLocalDate, linkProblems } from '../../src/writes/validate';
import { readSeedData } from '../../src/seed/seedData';
import { fieldsFromStored, qualifiersFromStored } from '../../src/graph/model';

/**
 * The write model (src/graph/model.ts) and the SDL's write inputs describe the same fields, and the rules
 * every write obeys hold on their own — the seed passes them, bad values do not.
 */
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const schema = buildASTSchema(concatAST(loadTypeDefs(REPO_ROOT).map((sdl) => parse(sdl))));

const SCALAR_OF: Record<string, string> = { name: 'String', text: 'String', int: 'Int', float: 'Float', date: 'LocalDate', url: 'URL', boolean: 'Boolean' };

function describeType(type: GraphQLInputType): { list: boolean; named: string } {
  const inner = isNonNullType(type) ? type.ofType : type;
  return { list: isListType(inner), named: getNamedType(type).name };
}

describe('the write model and the SDL', () => {
  it.each(NODE_LABELS)('gives %s a fields input with exactly the fields of the model, of matching types', (label) => {
    const input = schema.getType(`${label}FieldsInput`) as GraphQLInputObjectType;
    expect(Object.keys(input.getFields()).sort()).toEqual(Object.keys(ENTITY_FIELDS[label]).sort());
    for (const [field, spec] of Object.entries(ENTITY_FIELDS[label])) {
      const { list, named } = describeType(input.getFields()[field].type);
      expect(list).toBe(spec.type === 'nameList' || spec.type === 'enumList' || spec.type === 'localizedNames');
      if (spec.type === 'localizedNames') {
        // A name with a language tag: the form enum of its input holds exactly the model's forms.
        expect(named).toBe('LocalizedNameInput');
        const form = (schema.getType(named) as GraphQLInputObjectType).getFields().form.type;
        const formEnum = schema.getType(getNamedType(form).name);
        expect(isEnumType(formEnum) && formEnum.getValues().map((value) => value.name).sort()).toEqual([...spec.values!].sort());
      } else if (spec.type === 'enum' || spec.type === 'enumList') {
        const enumType = schema.getType(named);
        expect(isEnumType(enumType) && enumType.getValues().map((value) => value.name).sort()).toEqual([...spec.values!].sort());
      } else {
        expect(named).toBe(SCALAR_OF[spec.type] ?? 'String');
      }
    }
  });

  it('offers every qualifier of the model in LinkQualifiersInput, and every relationship type a rule', () => {
    const input = schema.getType('LinkQualifiersInput') as GraphQLInputObjectType;
    expect(Object.keys(input.getFields()).sort()).toEqual(Object.keys(QUALIFIER_FIELDS).sort());
    expect(Object.keys(RELATIONSHIP_RULES).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  it('has create, update and upsert mutations for every kind', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    for (const label of NODE_LABELS) expect(mutations).toEqual(expect.arrayContaining([`create${label}`, `update${label}`, `upsert${label}`]));
  });
});

describe('the write rules', () => {
  it('accept every seeded entity and relationship', () => {
    const seed = readSeedData(REPO_ROOT);
    for (const node of seed.nodes) {
      const fields = fieldsFromStored(node.label, node.props);
      expect([node.label, node.key, entityFieldProblems(node.label, fields, fields, ['fields'])]).toEqual([node.label, node.key, []]);
      expect(keyProblem(node.label, node.key)).toBeNull();
    }
    for (const rel of seed.relationships) {
      const [fromLabel, toLabel] = [rel.from, rel.to].map((uid) => uid.slice(0, uid.indexOf(':'))) as [never, never];
      expect([rel.type, rel.from, rel.to, linkProblems(rel.type, fromLabel, toLabel, qualifiersFromStored(rel.type, rel.props ?? {}), [])]).toEqual([rel.type, rel.from, rel.to, []]);
    }
  });

  it('know real calendar dates from look-alikes', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2023-13-01')).toBe(false);
    expect(isLocalDate('20230101')).toBe(false);
  });

  it('judge required fields and date order on the entity as it will be stored', () => {
    expect(entityFieldProblems('Agreement', { endDate: '2001-01-01' }, { name: 'MOU', startDate: '2002-01-01', endDate: '2001-01-01' }, ['set'])).toEqual([
      expect.objectContaining({ field: ['set', 'endDate'], code: 'DATE_ORDER' }),
    ]);
    expect(entityFieldProblems('Claim', {}, { name: 'A claim' }, ['fields']).map((problem) => problem.field.at(-1)).sort()).toEqual(['metric', 'qualifier', 'statement', 'unit', 'value']);
  });

  it('refuse qualifiers a type does not have and kinds it does not join', () => {
    expect(linkProblems('IN_REGION', 'Country', 'Region', { city: 'Beijing' }, []).map((problem) => problem.code)).toEqual(['QUALIFIER_NOT_ALLOWED']);
    expect(linkProblems('HAS_THEME', 'Organization', 'Theme', {}, []).map((problem) => problem.code)).toEqual(['LINK_NOT_ALLOWED']);
  });

  it('record only the fields that differ, absent and null alike', () => {
    expect(diff({ name: 'A', year: 2005, note: null }, { name: 'B', year: 2005 })).toEqual([{ name: 'name', before: 'A', after: 'B' }]);
  });
});
