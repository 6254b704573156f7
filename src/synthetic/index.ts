/** The synthetic benchmark graph: a deterministic plan (plan.ts), its stored form (stored.ts) and its writer (generate.ts). */
export { generateSyntheticGraph, deleteSyntheticGraph, type GenerateOptions, type GenerateReport } from './generate';
export {
  buildSyntheticPlan,
  planChecksum,
  planCounts,
  structureChecksum,
  syntheticHubUid,
  syntheticKey,
  syntheticLabelCounts,
  syntheticPairs,
  syntheticUid,
  SYNTHETIC_SOURCE_KEY,
  type PlanFacts,
  type PlannedNode,
  type PlannedRelationship,
  type SyntheticOptions,
  type SyntheticPlan,
} from './plan';
export { allowedLabel, allowedType, storedNodeProperties, storedRelationshipProperties, syntheticProvenance } from './stored';
export { mulberry32, Rng } from './prng';
