import { ANONYMOUS } from '../../src/auth/viewer';
import { bearer, issueApiKey } from '../helpers/credentials';
import { executeAs, graphFingerprint, principal, startOwnGraph, type OwnGraph } from '../helpers/ownGraph';
import { postGraphql } from '../helpers/testServer';

/**
 * Curation through the GraphQL mutations on a real, seeded Neo4j of its own: every write is one transaction
 * with a version, provenance and a recorded change; refused writes leave the graph exactly as it was.
 */
const editor = principal('editor', 'Survey Editor');
const admin = principal('admin', 'Graph Admin');

let graph: OwnGraph;
beforeAll(async () => {
  graph = await startOwnGraph('curation', { API_KEY_CACHE_TTL_MS: '0' });
}, 240_000);
afterAll(async () => {
  await graph?.stop();
});

const run = (viewer: typeof editor | typeof ANONYMOUS, query: string, variables: Record<string, unknown> = {}) => executeAs(graph.server, viewer, query, variables);

const CGS_SOURCE = { source: 'cgs-intl-exchange', quote: 'CGS has signed cooperation agreements with 36 countries', confidence: 'HIGH' };

const CREATE_ORGANIZATION = `
  mutation Create($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization { id key name acronym organizationKind foundedYear version provenance { source { key } quote confidence enteredBy enteredOn } }
      created changed clientMutationId
      change { operation principalId principalName propertyChanges { name before after } }
      userErrors { field code message }
    }
  }`;

const UPSERT_ORGANIZATION = `
  mutation Upsert($input: UpsertOrganizationInput!) {
    upsertOrganization(input: $input) {
      organization { id version name history { totalCount } }
      created changed change { sequence }
      userErrors { field code message }
    }
  }`;

const UPDATE_ORGANIZATION = `
  mutation Update($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization { id version name foundedYear website }
      changed change { id sequence propertyChanges { name before after } }
      userErrors { field code message }
    }
  }`;

async function createOrganization(key: string, fields: Record<string, unknown>, provenance: Record<string, unknown> = CGS_SOURCE) {
  const result = await run(editor, CREATE_ORGANIZATION, { input: { key, fields, provenance } });
  expect(result.errors).toBeUndefined();
  expect(result.data.createOrganization.userErrors).toEqual([]);
  return result.data.createOrganization.organization;
}

/** Runs `attempt` and checks that nothing at all changed in the graph, the history included. */
async function expectGraphUnchanged(attempt: () => Promise<unknown>) {
  const before = await graphFingerprint(graph.server);
  await attempt();
  expect(await graphFingerprint(graph.server)).toEqual(before);
}

describe('creating, reading and upserting entities', () => {
  it('creates an organization with provenance from a registered source, at version 1 with a recorded change', async () => {
    const result = await run(editor, CREATE_ORGANIZATION, {
      input: {
        key: 'geological-survey-of-kenya',
        fields: { name: 'Geological Survey of Kenya', acronym: 'GSK', organizationKind: 'GEOLOGICAL_SURVEY' },
        provenance: CGS_SOURCE,
        clientMutationId: 'gsk-1',
      },
    });
    expect(result.errors).toBeUndefined();
    const payload = result.data.createOrganization;
    expect(payload).toMatchObject({ created: true, changed: true, clientMutationId: 'gsk-1', userErrors: [] });
    expect(payload.organization).toMatchObject({ key: 'geological-survey-of-kenya', name: 'Geological Survey of Kenya', acronym: 'GSK', organizationKind: 'GEOLOGICAL_SURVEY', version: 1 });
    expect(payload.organization.provenance).toEqual([
      { source: { key: 'cgs-intl-exchange' }, quote: CGS_SOURCE.quote, confidence: 'HIGH', enteredBy: editor.id, enteredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    expect(payload.change).toMatchObject({ operation: 'CREATE', principalId: editor.id, principalName: 'Survey Editor' });
    expect(payload.change.propertyChanges).toEqual(expect.arrayContaining([{ name: 'name', before: null, after: 'Geological Survey of Kenya' }]));

    const read = await run(ANONYMOUS, '{ organization(acronym: "gsk") { key version history { totalCount edges { node { operation } } } } }');
    expect(read.data.organization).toEqual({ key: 'geological-survey-of-kenya', version: 1, history: { totalCount: 1, edges: [{ node: { operation: 'CREATE' } }] } });
  });

  it('records a fact entered without a source as entered by the principal, with the confidence given', async () => {
    const organization = await createOrganization('mineral-resources-authority-png', { name: 'Mineral Resources Authority' }, { confidence: 'LOW', note: 'From a meeting note.' });
    expect(organization.provenance).toEqual([{ source: null, quote: null, confidence: 'LOW', enteredBy: editor.id, enteredOn: expect.any(String) }]);
  });

  it('upserts by natural key: the same input twice changes nothing the second time and records no second change', async () => {
    const input = { key: 'geological-survey-of-namibia', fields: { name: 'Geological Survey of Namibia', organizationKind: 'GEOLOGICAL_SURVEY' }, provenance: CGS_SOURCE };
    const first = await run(editor, UPSERT_ORGANIZATION, { input });
    expect(first.data.upsertOrganization).toMatchObject({ created: true, changed: true, organization: { version: 1, history: { totalCount: 1 } } });
    const before = await graphFingerprint(graph.server);
    const second = await run(editor, UPSERT_ORGANIZATION, { input });
    expect(second.data.upsertOrganization).toMatchObject({ created: false, changed: false, change: null, organization: { version: 1, history: { totalCount: 1 } } });
    expect(await graphFingerprint(graph.server)).toEqual(before);

    const third = await run(editor, UPSERT_ORGANIZATION, { input: { ...input, fields: { foundedYear: 1907 } } });
    expect(third.data.upsertOrganization).toMatchObject({ created: false, changed: true, organization: { version: 2, name: 'Geological Survey of Namibia', history: { totalCount: 2 } } });
  });

  it('refuses to create a key that exists with CONFLICT and the current version, writing nothing', async () => {
    await expectGraphUnchanged(async () => {
      const result = await run(editor, CREATE_ORGANIZATION, { input: { key: 'cgs', fields: { name: 'Another CGS' }, provenance: CGS_SOURCE } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
      expect(result.errors?.[0].message).toMatch(/Organization:cgs already exists/);
    });
  });

  it('gives seeded facts a version and a history written by the seed loader', async () => {
    const result = await run(ANONYMOUS, '{ organization(key: "cgs") { version history { edges { node { operation principalId } } } memberCountries: relationships(first: 1) { edges { node { version } } } } }');
    expect(result.data.organization.version).toBe(1);
    expect(result.data.organization.history.edges).toEqual([{ node: { operation: 'CREATE', principalId: 'system:seed' } }]);
    expect(result.data.organization.memberCountries.edges[0].node.version).toBe(1);
  });
});

describe('every kind writes the same way', () => {
  it('registers a source, creates an event and a project citing it, upserts a theme and updates the event', async () => {
    const source = await run(editor, `mutation { createSource(input: { key: "iugs-annual-report-2010", fields: { title: "IUGS Annual Report 2010", sourceKind: PUBLIC_REFERENCE, url: "https://example.org/iugs-2010.pdf" }, provenance: { confidence: HIGH } }) { source { key title url version } userErrors { code } } }`);
    expect(source.data.createSource).toMatchObject({ source: { key: 'iugs-annual-report-2010', title: 'IUGS Annual Report 2010', url: 'https://example.org/iugs-2010.pdf', version: 1 }, userErrors: [] });
    const cites = { source: 'iugs-annual-report-2010', confidence: 'MEDIUM' };
    const event = await run(editor, `mutation($p: WriteProvenanceInput!) { createEvent(input: { key: "test-symposium-2010", fields: { name: "Test Symposium", eventKind: SYMPOSIUM, year: 2010, startDate: "2010-05-01", endDate: "2010-05-03" }, provenance: $p }) { event { id year eventKind provenance { source { key } } } userErrors { code } } }`, { p: cites });
    expect(event.data.createEvent).toMatchObject({ event: { year: 2010, eventKind: 'SYMPOSIUM', provenance: [{ source: { key: 'iugs-annual-report-2010' } }] }, userErrors: [] });
    const project = await run(editor, `mutation($p: WriteProvenanceInput!) { createProject(input: { key: "test-mapping-project", fields: { name: "Test mapping project", level: PROJECT, collaborationTypes: [BILATERAL] }, provenance: $p }) { project { level collaborationTypes } userErrors { code } } }`, { p: cites });
    expect(project.data.createProject).toMatchObject({ project: { level: 'PROJECT', collaborationTypes: ['BILATERAL'] }, userErrors: [] });
    const theme = await run(editor, `mutation($p: WriteProvenanceInput!) { upsertTheme(input: { key: "test-theme", fields: { name: "Test theme", lists: [FOCUS_AREA] }, provenance: $p }) { theme { name lists } created userErrors { code } } }`, { p: cites });
    expect(theme.data.upsertTheme).toMatchObject({ theme: { name: 'Test theme', lists: ['FOCUS_AREA'] }, created: true, userErrors: [] });
    const moved = await run(editor, `mutation($id: ID!, $p: WriteProvenanceInput!) { updateEvent(input: { id: $id, expectedVersion: 1, set: { endDate: "2010-04-01" }, provenance: $p }) { event { endDate } userErrors { field code } } }`, { id: event.data.createEvent.event.id, p: cites });
    expect(moved.data.updateEvent).toEqual({ event: null, userErrors: [{ field: ['set', 'endDate'], code: 'DATE_ORDER' }] });
    const kept = await run(editor, `mutation($id: ID!, $p: WriteProvenanceInput!) { updateEvent(input: { id: $id, expectedVersion: 1, set: { city: "Beijing" }, provenance: $p }) { event { city version } userErrors { code } } }`, { id: event.data.createEvent.event.id, p: cites });
    expect(kept.data.updateEvent).toEqual({ event: { city: 'Beijing', version: 2 }, userErrors: [] });
  });
});

describe('lost-update protection', () => {
  it('updates with the version read, and refuses a stale version with CONFLICT and the current version', async () => {
    const created = await createOrganization('geological-survey-of-tanzania', { name: 'Geological Survey of Tanzania' });
    const update = (expectedVersion: number, foundedYear: number) =>
      run(editor, UPDATE_ORGANIZATION, { input: { id: created.id, expectedVersion, set: { foundedYear }, provenance: CGS_SOURCE } });
    const first = await update(1, 1925);
    expect(first.data.updateOrganization).toMatchObject({ changed: true, organization: { version: 2, foundedYear: 1925 } });
    expect(first.data.updateOrganization.change.propertyChanges).toEqual([{ name: 'foundedYear', before: null, after: 1925 }]);

    await expectGraphUnchanged(async () => {
      const stale = await update(1, 1930);
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    });
  });

  it('lets exactly one of two concurrent updates of the same version win', async () => {
    const created = await createOrganization('geological-survey-of-uganda', { name: 'Geological Survey of Uganda' });
    const attempts = await Promise.all(
      ['https://one.example.org/', 'https://two.example.org/'].map((website) =>
        run(editor, UPDATE_ORGANIZATION, { input: { id: created.id, expectedVersion: 1, set: { website }, provenance: CGS_SOURCE } })),
    );
    const won = attempts.filter((result) => result.data?.updateOrganization?.organization);
    const lost = attempts.filter((result) => result.errors?.[0].extensions?.code === 'CONFLICT');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const read = await run(ANONYMOUS, '{ organization(key: "geological-survey-of-uganda") { version website history { totalCount } } }');
    expect(read.data.organization).toEqual({ version: 2, website: won[0].data.updateOrganization.organization.website, history: { totalCount: 2 } });
  });
});

describe('links', () => {
  const LINK = `
    mutation Link($input: LinkInput!) {
      link(input: $input) {
        relationship { id type version start { key } end { key } qualifiers { name value } provenance { quote } }
        created changed
        userErrors { field code message }
      }
    }`;

  it('links with qualifiers, treats the same link again as no change, updates qualifiers and unlinks, each recorded', async () => {
    const organization = await createOrganization('department-of-mineral-resources-thailand', { name: 'Department of Mineral Resources' });
    const country = await run(ANONYMOUS, '{ country(code: "TH") { id } }');
    const input = { type: 'HEADQUARTERED_IN', from: organization.id, to: country.data.country.id, qualifiers: { city: 'Bangkok' }, provenance: CGS_SOURCE };
    const first = await run(editor, LINK, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data.link).toMatchObject({ created: true, changed: true, relationship: { type: 'HEADQUARTERED_IN', version: 1, start: { key: 'department-of-mineral-resources-thailand' }, end: { key: 'TH' } } });
    expect(first.data.link.relationship.qualifiers).toEqual(expect.arrayContaining([{ name: 'city', value: 'Bangkok' }]));

    const again = await run(editor, LINK, { input });
    expect(again.data.link).toMatchObject({ created: false, changed: false, relationship: { id: first.data.link.relationship.id, version: 1 } });

    const relationshipId = first.data.link.relationship.id;
    const updated = await run(editor, `mutation($input: UpdateLinkInput!) { updateLink(input: $input) { relationship { version qualifiers { name value } } changed userErrors { code } } }`, {
      input: { id: relationshipId, expectedVersion: 1, unset: ['CITY'], provenance: { note: 'City unconfirmed.' } },
    });
    expect(updated.data.updateLink).toMatchObject({ changed: true, relationship: { version: 2 }, userErrors: [] });
    expect(updated.data.updateLink.relationship.qualifiers.find((q: { name: string }) => q.name === 'city')).toBeUndefined();

    const read = await run(ANONYMOUS, `{ organization(key: "department-of-mineral-resources-thailand") { headquartersCountry { code } } relationship(id: "${relationshipId}") { history { edges { node { operation propertyChanges { name before after } } } } } }`);
    expect(read.data.organization.headquartersCountry).toEqual({ code: 'TH' });
    expect(read.data.relationship.history.edges.map((edge: { node: { operation: string } }) => edge.node.operation)).toEqual(['UPDATE_LINK', 'LINK']);

    const removed = await run(editor, `mutation($input: UnlinkInput!) { unlink(input: $input) { unlinkedId change { operation } userErrors { code } } }`, { input: { id: relationshipId, expectedVersion: 2 } });
    expect(removed.data.unlink).toEqual({ unlinkedId: relationshipId, change: { operation: 'UNLINK' }, userErrors: [] });
    const gone = await run(ANONYMOUS, `{ relationship(id: "${relationshipId}") { id } }`);
    expect(gone.data.relationship).toBeNull();
  });

  it('stores the role of an organizer under the relationship type that has it', async () => {
    const organization = await createOrganization('geological-survey-of-botswana', { name: 'Geological Survey of Botswana' });
    const ids = await run(ANONYMOUS, '{ events(first: 1) { nodes { id key } } }');
    const result = await run(editor, LINK, { input: { type: 'ORGANIZED', from: organization.id, to: ids.data.events.nodes[0].id, qualifiers: { organizerRole: 'CO_ORGANIZER' }, provenance: CGS_SOURCE } });
    expect(result.data.link.userErrors).toEqual([]);
    expect(result.data.link.relationship.qualifiers).toEqual(expect.arrayContaining([{ name: 'role', value: 'CO_ORGANIZER' }]));
    const read = await run(ANONYMOUS, '{ organization(key: "geological-survey-of-botswana") { eventsOrganized { edges { role node { key } } } } }');
    expect(read.data.organization.eventsOrganized.edges).toEqual([{ role: 'CO_ORGANIZER', node: { key: ids.data.events.nodes[0].key } }]);
  });
});

describe('deleting', () => {
  const DELETE = `mutation($input: DeleteEntityInput!) { deleteEntity(input: $input) { deletedId removedRelationships change { operation } userErrors { field code message } } }`;

  it('refuses while relationships exist, and deletes them with it when their types are spelled out in cascade', async () => {
    const organization = await createOrganization('geological-survey-of-myanmar', { name: 'Department of Geological Survey and Mineral Exploration' });
    const country = await run(ANONYMOUS, '{ country(code: "MM") { id } }');
    const ids = { data: { organization, country: country.data.country } };
    await run(editor, `mutation($input: LinkInput!) { link(input: $input) { created } }`, {
      input: { type: 'HEADQUARTERED_IN', from: ids.data.organization.id, to: ids.data.country.id, provenance: CGS_SOURCE },
    });
    await expectGraphUnchanged(async () => {
      const refused = await run(admin, DELETE, { input: { id: ids.data.organization.id } });
      expect(refused.data.deleteEntity).toMatchObject({ deletedId: null, userErrors: [{ field: ['cascade'], code: 'HAS_RELATIONSHIPS' }] });
      expect(refused.data.deleteEntity.userErrors[0].message).toMatch(/1 × HEADQUARTERED_IN/);
    });
    const deleted = await run(admin, DELETE, { input: { id: ids.data.organization.id, cascade: ['HEADQUARTERED_IN'] } });
    expect(deleted.data.deleteEntity).toEqual({ deletedId: ids.data.organization.id, removedRelationships: 1, change: { operation: 'DELETE' }, userErrors: [] });
    const read = await run(ANONYMOUS, '{ organization(key: "geological-survey-of-myanmar") { key } country(code: "MM") { headquarteredOrganizations { totalCount } } }');
    expect(read.data).toEqual({ organization: null, country: { headquarteredOrganizations: { totalCount: 0 } } });
  });

  it('needs the admin role: an editor gets FORBIDDEN and anonymous callers UNAUTHENTICATED', async () => {
    const organization = await createOrganization('geological-survey-of-malawi', { name: 'Geological Survey of Malawi' });
    await expectGraphUnchanged(async () => {
      const asEditor = await run(editor, DELETE, { input: { id: organization.id } });
      expect(asEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const asAnonymous = await run(ANONYMOUS, CREATE_ORGANIZATION, { input: { key: 'nobody', fields: { name: 'Nobody' }, provenance: CGS_SOURCE } });
      expect(asAnonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});

describe('history and reverts', () => {
  it('reverts an update (itself a recorded change), and refuses to revert a change overtaken by a later one', async () => {
    const created = await createOrganization('geological-survey-of-zambia', { name: 'Geological Survey of Zambia', foundedYear: 1951 });
    const first = await run(editor, UPDATE_ORGANIZATION, { input: { id: created.id, set: { name: 'Geological Survey Department of Zambia', foundedYear: null }, provenance: { quote: 'renamed' } } });
    expect(first.errors).toBeUndefined();
    expect(first.data.updateOrganization.userErrors).toEqual([]);
    const firstChange = first.data.updateOrganization.change;
    expect(firstChange.propertyChanges).toEqual(expect.arrayContaining([
      { name: 'foundedYear', before: 1951, after: null },
      { name: 'name', before: 'Geological Survey of Zambia', after: 'Geological Survey Department of Zambia' },
    ]));
    const REVERT = `mutation($input: RevertChangeInput!) { revertChange(input: $input) { change { operation revertOf { sequence } principalId } reverted { sequence } userErrors { code } } }`;
    const asEditor = await run(editor, REVERT, { input: { changeId: firstChange.id } });
    expect(asEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const reverted = await run(admin, REVERT, { input: { changeId: firstChange.id } });
    expect(reverted.errors).toBeUndefined();
    expect(reverted.data.revertChange).toMatchObject({ change: { operation: 'UPDATE', revertOf: { sequence: firstChange.sequence }, principalId: admin.id }, reverted: { sequence: firstChange.sequence } });
    const read = await run(ANONYMOUS, '{ organization(key: "geological-survey-of-zambia") { name foundedYear version provenance { quote } } }');
    expect(read.data.organization).toMatchObject({ name: 'Geological Survey of Zambia', foundedYear: 1951, version: 3 });
    expect(read.data.organization.provenance).toEqual([{ quote: CGS_SOURCE.quote }]);

    await expectGraphUnchanged(async () => {
      const overtaken = await run(admin, REVERT, { input: { changeId: firstChange.id } });
      expect(overtaken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    });
  });

  it('re-creates a deleted entity at the next version, so a version read before the delete stays stale', async () => {
    const created = await createOrganization('deleted-and-restored', { name: 'Deleted and restored' });
    await run(editor, UPDATE_ORGANIZATION, { input: { id: created.id, expectedVersion: 1, set: { foundedYear: 1990 }, provenance: CGS_SOURCE } });
    const deleted = await run(admin, `mutation($id: ID!) { deleteEntity(input: { id: $id, expectedVersion: 2 }) { change { id } userErrors { code } } }`, { id: created.id });
    expect(deleted.data.deleteEntity.userErrors).toEqual([]);
    const restored = await run(admin, `mutation($id: ID!) { revertChange(input: { changeId: $id }) { change { operation versionAfter } userErrors { code } } }`, { id: deleted.data.deleteEntity.change.id });
    expect(restored.data.revertChange).toEqual({ change: { operation: 'CREATE', versionAfter: 3 }, userErrors: [] });
    const stale = await run(editor, UPDATE_ORGANIZATION, { input: { id: created.id, expectedVersion: 1, set: { foundedYear: 1991 }, provenance: CGS_SOURCE } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    const read = await run(ANONYMOUS, '{ organization(key: "deleted-and-restored") { version foundedYear } }');
    expect(read.data.organization).toEqual({ version: 3, foundedYear: 1990 });
  });

  it('serves every change as a feed, oldest first, paged by cursor and filtered by time', async () => {
    const start = new Date().toISOString();
    await createOrganization('feed-one', { name: 'Feed One' });
    await createOrganization('feed-two', { name: 'Feed Two' });
    const FEED = `query($since: DateTime, $after: String) { changes(since: $since, first: 1, after: $after) { totalCount edges { cursor node { sequence operation target { ... on Organization { key } } } } pageInfo { hasNextPage endCursor } } }`;
    const page1 = await run(ANONYMOUS, FEED, { since: start });
    expect(page1.errors).toBeUndefined();
    expect(page1.data.changes.totalCount).toBe(2);
    expect(page1.data.changes.edges[0].node).toMatchObject({ operation: 'CREATE', target: { key: 'feed-one' } });
    expect(page1.data.changes.pageInfo.hasNextPage).toBe(true);
    const page2 = await run(ANONYMOUS, FEED, { since: start, after: page1.data.changes.pageInfo.endCursor });
    expect(page2.data.changes.edges[0].node).toMatchObject({ target: { key: 'feed-two' } });
    expect(page2.data.changes.edges[0].node.sequence).toBeGreaterThan(page1.data.changes.edges[0].node.sequence);
    const replayed = await run(ANONYMOUS, FEED, { since: '2000-01-01T00:00:00Z', after: page1.data.changes.pageInfo.endCursor });
    expect(replayed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the change feed under concurrent writes', () => {
  it('numbers 20 concurrent creates with distinct sequence numbers and no gap, and a follower paging the feed meanwhile misses none', async () => {
    const start = new Date().toISOString();
    const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { change { sequence } userErrors { code } } }`;
    const FEED = `query($since: DateTime, $after: String) { changes(since: $since, first: 3, after: $after) { nodes { sequence } pageInfo { endCursor } } }`;
    const seen: number[] = [];
    let writing = true;
    const follow = async () => {
      let cursor: string | null = null;
      for (;;) {
        const last = !writing;
        const page = await run(ANONYMOUS, FEED, { since: start, after: cursor });
        expect(page.errors).toBeUndefined();
        seen.push(...page.data.changes.nodes.map((node: { sequence: number }) => node.sequence));
        cursor = page.data.changes.pageInfo.endCursor ?? cursor;
        if (last && page.data.changes.nodes.length === 0) return;
        // A follower polls: a cached answer resolves without I/O, and a loop of those would starve the writes.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const following = follow();
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => run(editor, CREATE, { input: { key: `concurrent-${i}`, fields: { name: `Concurrent ${i}` }, provenance: CGS_SOURCE } })),
    );
    writing = false;
    await following;
    for (const write of writes) {
      expect(write.errors).toBeUndefined();
      expect(write.data.createOrganization.userErrors).toEqual([]);
    }
    const sequences = writes.map((write) => write.data.createOrganization.change.sequence as number).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => sequences[0] + i));
    expect(seen).toEqual(sequences);
  });
});

describe('provenance filters', () => {
  it('filters organizations by source and by least confidence', async () => {
    await createOrganization('filter-test-sourced', { name: 'Filter Test Sourced' });
    await createOrganization('filter-test-entered', { name: 'Filter Test Entered' }, { confidence: 'LOW' });
    const keys = async (filter: string) =>
      (await run(ANONYMOUS, `{ organizations(filter: { nameContains: "filter test", ${filter} }) { nodes { key } } }`)).data.organizations.nodes.map((node: { key: string }) => node.key);
    expect(await keys('source: "cgs-intl-exchange"')).toEqual(['filter-test-sourced']);
    expect(await keys('minConfidence: MEDIUM')).toEqual(['filter-test-sourced']);
    expect(await keys('minConfidence: LOW')).toEqual(['filter-test-entered', 'filter-test-sourced']);
  });
});

describe('bad input leaves the graph exactly as it was', () => {
  const cases: Array<[string, string, Record<string, unknown>, string, string[]]> = [
    ['an end date before its start date', 'createAgreement', { key: 'mou-x', fields: { name: 'MOU X', startDate: '2010-05-01', endDate: '2009-01-01' } }, 'DATE_ORDER', ['fields', 'endDate']],
    ['an ISO code that is not a country', 'createCountry', { key: 'XX', fields: { name: 'Nowhere' } }, 'NOT_A_COUNTRY', ['key']],
    ['an M49 code that is not a region', 'createRegion', { key: '999', fields: { name: 'Nowhere' } }, 'NOT_A_REGION', ['key']],
    ['a name over its maximum length', 'createOrganization', { key: 'long-name', fields: { name: 'x'.repeat(301) } }, 'TOO_LONG', ['fields', 'name']],
    ['control characters in a name', 'createOrganization', { key: 'control', fields: { name: 'Line\nbreak' } }, 'CONTROL_CHARACTERS', ['fields', 'name']],
    ['a key that is not a slug', 'createOrganization', { key: 'Not A Slug', fields: { name: 'Bad key' } }, 'INVALID_KEY', ['key']],
    ['a missing required field', 'createClaim', { key: 'claim-x', fields: { name: 'Claim X' } }, 'REQUIRED', ['fields', 'statement']],
    ['an unknown source', 'createTheme', { key: 'theme-x', fields: { name: 'Theme X' }, provenance: { source: 'no-such-source' } }, 'UNKNOWN_SOURCE', ['provenance', 'source']],
  ];
  it.each(cases)('refuses %s with a coded user error naming the field', async (_what, mutation, input, code, field) => {
    const query = `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { userErrors { field code message } } }`;
    await expectGraphUnchanged(async () => {
      const result = await run(editor, query, { input: { provenance: CGS_SOURCE, ...input } });
      expect(result.errors).toBeUndefined();
      expect(result.data[mutation].userErrors).toEqual(expect.arrayContaining([expect.objectContaining({ code, field })]));
    });
  });

  it('refuses a wrong enum value before running anything', async () => {
    await expectGraphUnchanged(async () => {
      const result = await run(editor, CREATE_ORGANIZATION, { input: { key: 'enum-x', fields: { name: 'Enum X', organizationKind: 'SPACESHIP' }, provenance: CGS_SOURCE } });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('refuses an unknown id, a link between kinds the model does not join, and a qualifier the type does not have', async () => {
    const ids = await run(ANONYMOUS, '{ organization(key: "cgs") { id } theme(key: "marine-geology") { id } country(code: "CN") { id } }');
    const LINK = `mutation($input: LinkInput!) { link(input: $input) { relationship { id } userErrors { field code message } } }`;
    await expectGraphUnchanged(async () => {
      const unknown = await run(editor, UPDATE_ORGANIZATION, { input: { id: 'Organization:no-such-organization', set: { name: 'X' }, provenance: CGS_SOURCE } });
      expect(unknown.data.updateOrganization.userErrors).toEqual([expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' })]);
      const wrongKinds = await run(editor, LINK, { input: { type: 'MEMBER_OF', from: ids.data.theme.id, to: ids.data.organization.id, provenance: CGS_SOURCE } });
      expect(wrongKinds.data.link.userErrors).toEqual([expect.objectContaining({ field: ['type'], code: 'LINK_NOT_ALLOWED' })]);
      const qualifier = await run(editor, LINK, { input: { type: 'HEADQUARTERED_IN', from: ids.data.organization.id, to: ids.data.country.id, qualifiers: { asOf: '2009' }, provenance: CGS_SOURCE } });
      expect(qualifier.data.link.userErrors).toEqual([expect.objectContaining({ field: ['qualifiers', 'asOf'], code: 'QUALIFIER_NOT_ALLOWED' })]);
      const malformed = await run(editor, UPDATE_ORGANIZATION, { input: { id: '%%%', set: { name: 'X' }, provenance: CGS_SOURCE } });
      expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('stores Cypher-injection strings verbatim, and they stay inert', async () => {
    const hostile = "x'}) MATCH (n) DETACH DELETE n //";
    const before = await graphFingerprint(graph.server);
    const created = await createOrganization('injection-test', { name: hostile, aliases: ['`) RETURN 1 //', '$label'] });
    expect(created.name).toBe(hostile);
    const after = await graphFingerprint(graph.server);
    expect(after.nodes).toBe(before.nodes + 2); // the organization and its recorded change
    const read = await run(ANONYMOUS, '{ organization(key: "injection-test") { name aliases } }');
    expect(read.data.organization).toEqual({ name: hostile, aliases: ['`) RETURN 1 //', '$label'] });
  });
});

describe('over HTTP, with API keys', () => {
  it('records the key as the principal of a write, answers 401 without a key and 403 for a role too low', async () => {
    const editorKey = await issueApiKey(graph.server.database, 'editor', 'http editor');
    const url = graph.server.url;
    const input = { key: 'http-written-organization', fields: { name: 'Written over HTTP' }, provenance: CGS_SOURCE };
    const written = await postGraphql(url, CREATE_ORGANIZATION, { input }, bearer(editorKey));
    expect(written.status).toBe(200);
    expect(written.body.data.createOrganization.change).toMatchObject({ principalId: expect.stringMatching(/^key:/), principalName: 'http editor' });

    await expectGraphUnchanged(async () => {
      const anonymous = await postGraphql(url, CREATE_ORGANIZATION, { input: { ...input, key: 'http-anonymous' } });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const id = written.body.data.createOrganization.organization.id;
      const forbidden = await postGraphql(url, 'mutation($id: ID!) { deleteEntity(input: { id: $id }) { deletedId } }', { id }, bearer(editorKey));
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(forbidden.body)).not.toMatch(/stack|at .*\.ts/);
    });
  });
});
