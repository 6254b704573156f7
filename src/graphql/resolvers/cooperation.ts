import type { QueryClaimsArgs, QueryProjectsArgs, QuerySourcesArgs, QueryThemesArgs, Resolvers } from '../../generated/graphql';
import { LISTS } from '../../data/lists';
import { byKey, lookupFilter, provenanceFilter, rootList, uidFromId } from './lookup';
import { listProp, prop } from './fields';
import { localizedNameFields } from './names';

export const cooperationResolvers: Resolvers = {
  Query: {
    theme: byKey('Theme', 'key'),
    themes: rootList(LISTS.themes, (args: QueryThemesArgs) => ({ nameContains: lookupFilter(args.filter?.nameContains), list: args.filter?.list, ...provenanceFilter(args.filter) })),
    project: byKey('Project', 'key'),
    projects: rootList(LISTS.projects, (args: QueryProjectsArgs) => ({
      nameContains: lookupFilter(args.filter?.nameContains),
      level: args.filter?.level,
      theme: args.filter?.theme,
      targetsRegion: args.filter?.targetsRegion,
      ...provenanceFilter(args.filter),
    })),
    agreement: byKey('Agreement', 'key'),
    agreements: rootList(LISTS.agreements),
    trainingProgram: byKey('TrainingProgram', 'key'),
    trainingPrograms: rootList(LISTS.trainingPrograms),
    claim: byKey('Claim', 'key'),
    claims: rootList(LISTS.claims, (args: QueryClaimsArgs) => ({
      unit: args.filter?.unit,
      about: uidFromId(args.filter?.about, 'filter.about'),
      completeness: args.filter?.completeness,
      ...provenanceFilter(args.filter),
    })),
    source: byKey('Source', 'key'),
    sources: rootList(LISTS.sources, (args: QuerySourcesArgs) => ({ sourceKind: args.sourceKind })),
  },
  Theme: {
    ...localizedNameFields,
    sourceLabel: prop('sourceLabel'),
    lists: listProp('lists'),
  },
  Project: {
    ...localizedNameFields,
    description: prop('description'),
    level: prop('level'),
    status: prop('status'),
    collaborationTypes: listProp('collaborationTypes'),
    partnerDescription: prop('partnerDescription'),
    partnerTypes: listProp('partnerTypes'),
    partnerTypeLabels: listProp('partnerTypeLabels'),
    plannedStart: prop('plannedStart'),
    actualStart: prop('actualStart'),
    plannedEnd: prop('plannedEnd'),
    actualEnd: prop('actualEnd'),
  },
  Agreement: {
    ...localizedNameFields,
    agreementKind: prop('kind'),
    signedOn: prop('signedOn'),
  },
  TrainingProgram: {
    ...localizedNameFields,
    description: prop('description'),
    traineeCount: prop('traineeCountMin'),
    traineeCountQualifier: prop('traineeCountQualifier'),
    countryCount: prop('countryCount'),
  },
  Claim: {
    name: prop('name'),
    statement: prop('statement'),
    metric: prop('metric'),
    value: prop('value'),
    unit: prop('unit'),
    qualifier: prop('qualifier'),
    period: prop('period'),
    completeness: prop('completeness'),
    completenessWords: listProp('completenessWords'),
    listRelationshipType: prop('listRelationshipType'),
    listDirection: prop('listDirection'),
  },
};
