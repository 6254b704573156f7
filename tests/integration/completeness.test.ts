import type { RunningServer } from '../../src/server';
import { execute } from '../helpers/testGraph';
import { startTestServer } from '../helpers/testServer';

/**
 * Lists the source leaves open are data: a relationship connection says how complete the source says it is, with
 * the source's words ("such as", "and so on") and the claim and quote they come from; no claim, UNKNOWN.
 */
describe('how complete a list is, as the source says', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const { data, errors } = await execute(server, query, variables);
    expect(errors).toBeUndefined();
    return data;
  }

  const COMPLETENESS = 'completeness { status words claims { key value qualifier unit } provenance { source { key } quote } }';

  it('says the positions CGS staff hold are an open list ("such as … and so on"), with the claim and its quote', async () => {
    const data = await ok(`{ organization(key: "cgs") { positionsHeldByStaff(first: 2) { totalCount nodes { key } ${COMPLETENESS} } } }`);
    const list = data.organization.positionsHeldByStaff;
    expect(list.totalCount).toBe(6);
    expect(list.completeness.status).toBe('PARTIAL');
    expect(list.completeness.words).toEqual(['such as', 'and so on']);
    expect(list.completeness.claims).toEqual([{ key: 'claim-open-list-positions-of-cgs-staff', value: 6, qualifier: 'AT_LEAST', unit: 'ORGANIZATIONS' }]);
    expect(list.completeness.provenance).toHaveLength(1);
    expect(list.completeness.provenance[0].source.key).toBe('cgs-intl-exchange');
    expect(list.completeness.provenance[0].quote).toContain('Global Geoparks and so on');
  });

  it('says the events CGS organized are an open list ("some … such as"), whatever page or day is read', async () => {
    const data = await ok(`{ organization(key: "cgs") {
      all: eventsOrganized { ${COMPLETENESS} }
      page: eventsOrganized(first: 1, asOf: "2000-01-01") { completeness { status words } } } }`);
    expect(data.organization.all.completeness).toMatchObject({ status: 'PARTIAL', words: ['some', 'such as'], claims: [{ key: 'claim-open-list-events-organized-by-cgs', unit: 'EVENTS' }] });
    expect(data.organization.page.completeness).toEqual({ status: 'PARTIAL', words: ['some', 'such as'] });
  });

  it('leaves a list no claim describes UNKNOWN, also the same relationships seen from their other end', async () => {
    const data = await ok(`{ organization(key: "cgs") { projects { completeness { status words claims { key } provenance { quote } } } }
      event(key: "jurse-2009") { organizers { completeness { status } } } }`);
    expect(data.organization.projects.completeness).toEqual({ status: 'UNKNOWN', words: [], claims: [], provenance: [] });
    expect(data.event.organizers.completeness.status).toBe('UNKNOWN');
  });

  it('says only CGS\'s list of events is open among the event lists of every organization', async () => {
    const data = await ok(`{ organizations(first: 50) { nodes { key eventsOrganized { completeness { status } } } } }`);
    const statuses = Object.fromEntries(data.organizations.nodes.map((org: any) => [org.key, org.eventsOrganized.completeness.status]));
    expect(statuses.cgs).toBe('PARTIAL');
    expect(Object.entries(statuses).filter(([key, status]) => key !== 'cgs' && status !== 'UNKNOWN')).toEqual([]);
  });

  it('filters claims to the open lists, each with the relationships that make up the list', async () => {
    const data = await ok(`{ claims(filter: { completeness: PARTIAL }) { totalCount nodes { key completeness completenessWords listRelationshipType listDirection subjects { nodes { key } } } } }`);
    expect(data.claims.totalCount).toBe(2);
    expect(data.claims.nodes.map((claim: any) => [claim.key, claim.listRelationshipType, claim.listDirection, claim.subjects.nodes.map((node: any) => node.key)]).sort()).toEqual([
      ['claim-open-list-events-organized-by-cgs', 'ORGANIZED', 'OUTGOING', ['cgs']],
      ['claim-open-list-positions-of-cgs-staff', 'HELD_BY_STAFF_OF', 'INCOMING', ['cgs']],
    ]);
    const complete = await ok('{ claims(filter: { completeness: COMPLETE }) { totalCount } }');
    expect(complete.claims.totalCount).toBe(0);
  });

  it('gives every other claim no completeness and no words', async () => {
    const data = await ok('{ claim(key: "claim-agreements-36-countries") { completeness completenessWords listRelationshipType listDirection } }');
    expect(data.claim).toEqual({ completeness: null, completenessWords: [], listRelationshipType: null, listDirection: null });
  });
});
