import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { h } from '../dom';
import type { ExplorerModel } from '../graphModel';
import { COUNT_CLASSES, countClass, countryCounts, NOT_IN_GRAPH_COLOUR, type CountryCount } from '../geo';

/**
 * The map view: the world from world-atlas (Natural Earth 1:50m, shipped with the build and fetched from this
 * server only when the map is first opened), countries of the current graph coloured by how many of its
 * relationships involve them, a legend, and the same figures as a table whose names select the country.
 */

/** Set by scripts/build-web.mjs: where the build put the world-atlas file. */
declare const WORLD_ATLAS_URL: string;

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 400;

type Countries = FeatureCollection<Geometry, { name: string }>;
let atlas: Promise<Countries> | null = null;

function loadAtlas(): Promise<Countries> {
  atlas ??= fetch(WORLD_ATLAS_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`The world map could not be loaded (HTTP ${response.status}).`);
      return response.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>;
    })
    .then((topology) => feature(topology, topology.objects.countries) as Countries)
    .catch((error: Error) => {
      atlas = null;
      throw error;
    });
  return atlas;
}

export interface MapActions {
  select(entityId: string): void;
}

function relationshipsText(count: number): string {
  return `${count} relationship${count === 1 ? '' : 's'}`;
}

function drawing(countries: Countries, byNumeric: Map<string, CountryCount>, actions: MapActions): SVGSVGElement {
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const map = document.createElementNS(SVG, 'svg');
  map.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  map.setAttribute('class', 'world-map');
  map.setAttribute('role', 'group');
  map.setAttribute('aria-label', `World map: ${byNumeric.size} countries of the current graph coloured by their relationships`);
  const sphere = document.createElementNS(SVG, 'path');
  sphere.setAttribute('d', path({ type: 'Sphere' }) ?? '');
  sphere.setAttribute('class', 'sphere');
  sphere.setAttribute('aria-hidden', 'true');
  map.append(sphere);
  // Countries of the graph last, so that their outlines are drawn over their neighbours'.
  const ordered = [...countries.features].sort((a, b) => Number(byNumeric.has(String(a.id))) - Number(byNumeric.has(String(b.id))));
  for (const shape of ordered as Array<Feature<Geometry, { name: string }>>) {
    const element = document.createElementNS(SVG, 'path');
    element.setAttribute('d', path(shape) ?? '');
    const country = byNumeric.get(String(shape.id));
    if (country) {
      const text = `${country.label}: ${relationshipsText(country.count)} in the current graph`;
      element.setAttribute('class', 'country in-graph');
      element.setAttribute('fill', countClass(country.count).colour);
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', text);
      element.dataset.code = country.code;
      element.dataset.count = String(country.count);
      const title = document.createElementNS(SVG, 'title');
      title.textContent = text;
      element.append(title);
      element.addEventListener('click', () => actions.select(country.id));
    } else {
      element.setAttribute('class', 'country');
      element.setAttribute('fill', NOT_IN_GRAPH_COLOUR);
      element.setAttribute('aria-hidden', 'true');
    }
    map.append(element);
  }
  return map;
}

function legend(counts: readonly CountryCount[]): HTMLElement {
  return h(
    'ul',
    { id: 'map-legend', className: 'map-legend', 'aria-label': 'Map legend' },
    COUNT_CLASSES.map((entry) => {
      const countries = counts.filter((country) => countClass(country.count) === entry).length;
      return h(
        'li',
        { dataset: { colour: entry.colour } },
        h('span', { className: 'swatch square', style: `background:${entry.colour}`, 'aria-hidden': 'true' }),
        `${entry.text} (${countries} ${countries === 1 ? 'country' : 'countries'})`,
      );
    }),
    h('li', null, h('span', { className: 'swatch square', style: `background:${NOT_IN_GRAPH_COLOUR}`, 'aria-hidden': 'true' }), 'not in the current graph'),
  );
}

function table(counts: readonly CountryCount[], onMap: Set<string>, actions: MapActions): HTMLElement {
  return h(
    'table',
    { className: 'data-table', id: 'map-table' },
    h('caption', null, `Countries of the current graph (${counts.length})`),
    h('thead', null, h('tr', null, ['Country', 'ISO code', 'Relationships'].map((column) => h('th', { scope: 'col' }, column)))),
    h(
      'tbody',
      null,
      counts.map((country) =>
        h(
          'tr',
          { dataset: { code: country.code } },
          h('td', null, h('button', { type: 'button', className: 'link', onclick: () => actions.select(country.id) }, country.label)),
          h('td', null, country.code, onMap.has(country.code) ? null : h('span', { className: 'muted' }, ' (not on the map)')),
          h('td', null, String(country.count)),
        ),
      ),
    ),
  );
}

export async function renderMapView(container: HTMLElement, model: ExplorerModel, actions: MapActions): Promise<void> {
  const counts = countryCounts(model);
  container.dataset.state = 'loading';
  container.replaceChildren(h('h2', null, 'Map of the current graph'), h('p', { className: 'muted' }, 'Loading the world map…'));
  let countries: Countries;
  try {
    countries = await loadAtlas();
  } catch (error) {
    container.replaceChildren(h('h2', null, 'Map of the current graph'), h('p', { className: 'error' }, (error as Error).message));
    container.dataset.state = 'error';
    return;
  }
  const shapes = new Set(countries.features.map((shape) => String(shape.id)));
  const byNumeric = new Map(counts.filter((country) => country.numeric && shapes.has(country.numeric)).map((country) => [country.numeric!, country]));
  const onMap = new Set([...byNumeric.values()].map((country) => country.code));
  container.replaceChildren(
    h('h2', null, 'Map of the current graph'),
    h(
      'p',
      { className: 'muted' },
      counts.length
        ? 'Each country of the current graph (drawn or hidden) is coloured by how many of the graph’s relationships involve it.'
        : 'No country is in the current graph: expand a node or search for a country.',
    ),
    drawing(countries, byNumeric, actions),
    legend(counts),
    counts.length ? table(counts, onMap, actions) : '',
    h('p', { className: 'muted small' }, 'World map: Natural Earth 1:50m via world-atlas (public domain).'),
  );
  container.dataset.state = 'ready';
}
