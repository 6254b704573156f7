import { Rng, syntheticKey, syntheticLabelCounts, syntheticPairs } from '../src/synthetic';
import type { HandCypher } from './handCypher';

/**
 * The deterministic inputs every side gets, the same for the same `--nodes`/`--seed`: drawn from the
 * synthetic plan's counts with the project's seeded generator, or read once from the graph during set-up.
 */
export interface BenchInputs {
  /** Organization keys for `lookup`. */
  organizationKeys: string[];
  /** Every organization kind, for `filteredSortedList`. */
  organizationKinds: string[];
  /** Country keys for `nested`, the country with the most headquartered organizations first. */
  countryKeys: string[];
  /** Entity uids at the centre of `neighbourhoodDepth2`. */
  centres: string[];
  /** Pairs of entity uids for `shortestPath`. */
  pairs: Array<[string, string]>;
  /** How many organizations there are: the page after position 10,000 needs more than 10,020. */
  organizationCount: number;
}

export const ORGANIZATION_KINDS = [
  'GEOLOGICAL_SURVEY',
  'INTERGOVERNMENTAL_ORGANIZATION',
  'NON_GOVERNMENTAL_ORGANIZATION',
  'REGIONAL_ORGANIZATION',
  'UNIVERSITY',
  'RESEARCH_INSTITUTE',
  'GOVERNMENT_BODY',
  'NETWORK',
];

const LOOKUP_INPUTS = 50;
const NESTED_INPUTS = 10;
const WALK_INPUTS = 20;

export async function prepareInputs(cypher: HandCypher, options: { nodes: number; seed: number }): Promise<BenchInputs> {
  const counts = syntheticLabelCounts(options.nodes);
  const rng = new Rng((options.seed ^ 0x1b873593) >>> 0);
  const organizationKeys = rng
    .distinct(Math.min(LOOKUP_INPUTS, counts.Organization), counts.Organization, () => rng.int(0, counts.Organization - 1))
    .map((index) => syntheticKey('Organization', index));

  // The busiest country (the worst case of the nested query) and then countries drawn at random.
  const [busiest] = await cypher.runSetup(
    'MATCH (c:Country) RETURN c.key AS key ORDER BY COUNT { (c)<-[:HEADQUARTERED_IN]-(:Organization) } DESC, c.key LIMIT 1',
  );
  const others = rng
    .distinct(Math.min(NESTED_INPUTS, counts.Country), counts.Country, () => rng.int(0, counts.Country - 1))
    .map((index) => syntheticKey('Country', index))
    .filter((key) => key !== busiest.key)
    .slice(0, NESTED_INPUTS - 1);

  const pairs = syntheticPairs(options, WALK_INPUTS);
  return {
    organizationKeys,
    organizationKinds: ORGANIZATION_KINDS,
    countryKeys: [busiest.key as string, ...others],
    centres: pairs.map(([from]) => from),
    pairs,
    organizationCount: counts.Organization,
  };
}
