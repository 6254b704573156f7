// Must stay the first import: it sets globalThis.MonacoEnvironment before GraphiQL and Monaco load.
import './monaco-workers';

import { explorerPlugin } from '@graphiql/plugin-explorer';
import type { Fetcher, FetcherOpts, FetcherParams } from '@graphiql/toolkit';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { parse, print } from 'graphql';
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './graphiql.css';
import { keepGraphiqlTabsAccessible } from './accessibleTabs';
import { resultTablePlugin } from './tablePlugin';

/** The server's GraphQL endpoint: same origin, so no CORS and no third party. */
const ENDPOINT = '/graphql';

/** Example operations that answer typical questions; each opens as its own tab. */
const EXAMPLES: ReadonlyArray<{ title: string; query: string }> = [
  {
    title: 'Positions of CGS scientists',
    query:
      'query PositionsOfCgsScientists { organizations(filter: { hasPositionHeldByStaffOf: "cgs" }, first: 20) { totalCount edges { node { name acronym kind } } } }',
  },
  {
    title: 'Conferences CGS organized, by year',
    query:
      'query ConferencesByYear { events(filter: { organizedBy: "cgs" }, orderBy: { field: YEAR, direction: ASC }, first: 20) { edges { node { name year edition city hostCountry { name } } } } }',
  },
  {
    title: 'CCOP member countries, with the date of the list',
    query:
      'query CcopMembers { organization(acronym: "CCOP") { name headquartersCountry { name } memberCountries(first: 20) { totalCount edges { asOf node { code name } provenance { quote } } pageInfo { hasNextPage endCursor } } } }',
  },
  {
    title: 'Themes of cooperation',
    query: 'query Themes { themes(first: 20) { edges { node { name lists } } } }',
  },
  {
    title: 'How are CGS and IUGS connected?',
    query:
      'query HowConnected { connection(from: "Organization:cgs", to: "Organization:iugs", maxLength: 4) { paths { length steps { node { label kind } relationship { type direction } } } } }',
  },
  {
    title: 'Search',
    query: 'query Search { search(query: "geochemical", first: 10) { edges { score node { kind label } } } }',
  },
  {
    title: 'Names by language: CGS and the Ministry of Natural Resources in Chinese, with the fallback to English where none is recorded',
    query:
      'query NamesByLanguage { cgs: organization(key: "cgs") { zh: name(lang: "zh") fr: name(lang: "fr") names { value lang form provenance { quote } } } mnr: organization(acronym: "MNR") { zhHant: name(lang: "zh-Hant") names(lang: "zh") { value lang } } search(query: "中国地质调查局", first: 3) { edges { match node { kind label } } } }',
  },
  {
    title: 'Which organization was CGS part of on 2015-01-01, and where was the IUGS secretariat in 2010? (as of a day)',
    query:
      'query AsOf { cgs: organization(key: "cgs") { on20150101: parentOrganizations(asOf: "2015-01-01") { nodes { acronym name } } relationships(types: [PART_OF]) { nodes { node { label } validFrom validFromPrecision validTo validToPrecision } } } iugs: organization(acronym: "IUGS") { headquarters(asOf: "2010-06-01") { edges { city node { name } provenance { quote } } } } }',
  },
  {
    title: 'The graph as of a day: CGS\'s parent in 2015 and in 2019 by traversal, the IUGS secretariat in 2010 by path, the rankings of 2015',
    query:
      'query GraphAsOf { in2015: neighbourhood(id: "Organization:cgs", depth: 1, relationshipTypes: [PART_OF], asOf: "2015-01-01") { nodes { label } edges { type source target } } in2019: neighbourhood(id: "Organization:cgs", depth: 1, relationshipTypes: [PART_OF], asOf: "2019-01-01") { nodes { label } } secretariat2010: connection(from: "Organization:iugs", to: "Country:US", maxLength: 1, asOf: "2010-06-01") { summary } analytics { rankedOrganizations(relationshipTypes: [PART_OF], first: 3, asOf: "2015-01-01") { rank degree entity { label } } } }',
  },
  {
    title: 'Open lists: how complete the source says CGS\'s lists are ("such as", "and so on"), and every claim of an open list',
    query:
      'query OpenLists { organization(key: "cgs") { positionsHeldByStaff(first: 10) { totalCount completeness { status words provenance { quote } } edges { validPeriodLabel validFromPrecision node { name } } } eventsOrganized(first: 10) { totalCount completeness { status words } } projects { completeness { status } } } claims(filter: { completeness: PARTIAL }) { nodes { name value qualifier unit completenessWords listRelationshipType listDirection } } }',
  },
];

/** The operation, pretty-printed, under a comment line saying what it answers. */
function exampleTab(example: { title: string; query: string }): { query: string } {
  return { query: `# ${example.title}\n${print(parse(example.query))}\n` };
}

/** POSTs the operation as JSON to /graphql; a non-JSON answer (e.g. a proxy error page) becomes a GraphQL error. */
const fetcher: Fetcher = async (params: FetcherParams, opts?: FetcherOpts) => {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      ...(opts?.headers ?? {}),
      'content-type': 'application/json',
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500) || response.statusText}` }] };
  }
};

/**
 * `/graphiql?query=…&variables=…` (as linked from the visual explorer) opens that operation in the active tab,
 * in front of the examples.
 */
function operationFromUrl(): { query?: string; variables?: string; run: boolean } {
  const params = new URLSearchParams(window.location.search);
  const query = params.get('query') ?? undefined;
  let variables = params.get('variables') ?? undefined;
  if (variables) {
    try {
      variables = JSON.stringify(JSON.parse(variables), null, 2);
    } catch {
      // Not JSON: leave it as written so that GraphiQL shows the problem.
    }
  }
  return { query: query || undefined, variables: query ? variables : undefined, run: Boolean(query) && params.get('run') === '1' };
}

const fromUrl = operationFromUrl();
const defaultTabs = [
  ...(fromUrl.query ? [{ query: fromUrl.query, variables: fromUrl.variables ?? null }] : []),
  ...EXAMPLES.map(exampleTab),
];
const explorer = explorerPlugin();

/** How long `?run=1` waits for the editors to hold the operation from the URL before giving up. */
const RUN_ON_OPEN_WAIT_MS = 15_000;

/**
 * `?run=1` (the explorer's "Open in GraphiQL"): runs the operation from the URL once, as soon as the query and
 * variables editors hold it, so the new tab opens with the answer shown.
 */
function RunOnOpen({ query, variables }: { query: string; variables?: string }) {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const { run } = useGraphiQLActions();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !queryEditor) return undefined;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      const ready = queryEditor.getValue().trim() === query.trim() && (!variables || Boolean(variableEditor?.getValue().trim()));
      if (ready && !done.current) {
        done.current = true;
        run();
      } else if (!done.current && Date.now() - started < RUN_ON_OPEN_WAIT_MS) timer = setTimeout(attempt, 100);
    };
    attempt();
    return () => clearTimeout(timer);
  }, [queryEditor, variableEditor, run, query, variables]);
  return null;
}

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[HISTORY_PLUGIN, explorer, resultTablePlugin]}
      defaultTabs={defaultTabs}
      initialQuery={fromUrl.query}
      initialVariables={fromUrl.variables}
      defaultEditorToolsVisibility={fromUrl.variables ? 'variables' : undefined}
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>
        <a className="geocoop-logo" href="/explore" title="Open the visual explorer">
          GeoCoop Graph
        </a>
      </GraphiQL.Logo>
      {fromUrl.run && fromUrl.query ? (
        <GraphiQL.Footer>
          <RunOnOpen query={fromUrl.query} variables={fromUrl.variables} />
        </GraphiQL.Footer>
      ) : null}
    </GraphiQL>
  );
}

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql is missing from index.html');
keepGraphiqlTabsAccessible(container);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
