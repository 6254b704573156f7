/** The synthetic benchmark graph: a deterministic plan (plan.ts) and its writer (generate.ts). */
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
  type SyntheticOptions,
  type SyntheticPlan,
} from './plan';
export { mulberry32, Rng } from './prng';
