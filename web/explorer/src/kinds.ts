import type { EntityKind } from './types';

/** Every entity kind with its legend name and colour, in legend order. */
export const KINDS: ReadonlyArray<{ kind: EntityKind; name: string; colour: string }> = [
  { kind: 'ORGANIZATION', name: 'Organization', colour: '#e4572e' },
  { kind: 'COUNTRY', name: 'Country', colour: '#2a9d8f' },
  { kind: 'REGION', name: 'Region', colour: '#8ab17d' },
  { kind: 'AGREEMENT', name: 'Agreement', colour: '#f4a261' },
  { kind: 'PROJECT', name: 'Project', colour: '#e9c46a' },
  { kind: 'THEME', name: 'Theme', colour: '#9b5de5' },
  { kind: 'PERSON', name: 'Person', colour: '#f15bb5' },
  { kind: 'POSITION', name: 'Position', colour: '#00a6ed' },
  { kind: 'EVENT', name: 'Event', colour: '#277da1' },
  { kind: 'TRAINING_PROGRAM', name: 'Training programme', colour: '#43aa8b' },
  { kind: 'CLAIM', name: 'Claim', colour: '#b5838d' },
  { kind: 'SOURCE', name: 'Source', colour: '#8d99ae' },
];

const FALLBACK_COLOUR = '#adb5bd';
const BY_KIND = new Map(KINDS.map((entry) => [entry.kind as string, entry]));

export function kindName(kind: string): string {
  return BY_KIND.get(kind)?.name ?? kind;
}

export function kindColour(kind: string): string {
  return BY_KIND.get(kind)?.colour ?? FALLBACK_COLOUR;
}

export function isEntityKind(value: string): value is EntityKind {
  return BY_KIND.has(value);
}
