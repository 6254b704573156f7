import type { RequestContext } from '../context';
import type { QueryThemesArgs, QueryProjectsArgs, QueryClaimsArgs } from '../../generated/graphql';
import { paginate } from '../../data/pagination';
import { byKey, listOfKind, lookupFilter, pageOf, uidFromId } from './lookup';
import { listProp, prop, relatedEntities, relatedLinks } from './links';

export const cooperationResolvers = {
  Query: {
    theme: byKey('Theme', 'key'),
    themes: (_parent: unknown, args: QueryThemesArgs, ctx: RequestContext) =>
      paginate(
        ctx.cypher,
        'themes',
        { nameContains: lookupFilter(args.filter?.nameContains), list: args.filter?.list ?? null },
        pageOf(args),
      ),
    project: byKey('Project', 'key'),
    projects: (_parent: unknown, args: QueryProjectsArgs, ctx: RequestContext) =>
      paginate(
        ctx.cypher,
        'projects',
        {
          nameContains: lookupFilter(args.filter?.nameContains),
          level: args.filter?.level ?? null,
          theme: args.filter?.theme ?? null,
          targetsRegion: args.filter?.targetsRegion ?? null,
        },
        pageOf(args),
      ),
    agreement: byKey('Agreement', 'key'),
    agreements: listOfKind('Agreement'),
    trainingProgram: byKey('TrainingProgram', 'key'),
    trainingPrograms: listOfKind('TrainingProgram'),
    claim: byKey('Claim', 'key'),
    claims: (_parent: unknown, args: QueryClaimsArgs, ctx: RequestContext) =>
      paginate(
        ctx.cypher,
        'claims',
        { unit: args.filter?.unit ?? null, aboutUid: uidFromId(args.filter?.about, 'filter.about') },
        pageOf(args),
      ),
    source: byKey('Source', 'key'),
    sources: listOfKind('Source', 'sourceKind'),
  },
  Theme: {
    name: prop('name'),
    sourceLabel: prop('sourceLabel'),
    lists: listProp('lists'),
    projects: relatedEntities(['HAS_THEME'], 'INCOMING'),
  },
  Project: {
    name: prop('name'),
    description: prop('description'),
    level: prop('level'),
    status: prop('status'),
    collaborationTypes: listProp('collaborationTypes'),
    partnerDescription: prop('partnerDescription'),
    plannedStart: prop('plannedStart'),
    actualStart: prop('actualStart'),
    plannedEnd: prop('plannedEnd'),
    actualEnd: prop('actualEnd'),
    themes: relatedEntities(['HAS_THEME'], 'OUTGOING'),
    participants: relatedLinks(['PARTICIPATES_IN'], 'INCOMING'),
    targetRegions: relatedLinks(['TARGETS'], 'OUTGOING', 'Region'),
  },
  Agreement: {
    name: prop('name'),
    agreementKind: prop('kind'),
    signedOn: prop('signedOn'),
    parties: relatedEntities(['PARTY_TO'], 'INCOMING'),
  },
  TrainingProgram: {
    name: prop('name'),
    description: prop('description'),
    traineeCount: prop('traineeCountMin'),
    traineeCountQualifier: prop('traineeCountQualifier'),
    countryCount: prop('countryCount'),
    providers: relatedEntities(['PROVIDES'], 'INCOMING'),
    traineesFrom: relatedLinks(['TRAINEES_FROM'], 'OUTGOING', 'Region'),
    claims: relatedEntities(['ABOUT'], 'INCOMING'),
  },
  Claim: {
    name: prop('name'),
    statement: prop('statement'),
    metric: prop('metric'),
    value: prop('value'),
    unit: prop('unit'),
    qualifier: prop('qualifier'),
    period: prop('period'),
    subjects: relatedEntities(['ABOUT'], 'OUTGOING'),
    scope: relatedLinks(['SCOPED_TO'], 'OUTGOING', 'Region'),
  },
};
