import { isEntityKind } from './kinds';
import type { EntityKind } from './types';

/** What a shared explorer link restores: `?id=…&depth=2&hide=COUNTRY,THEME&from=…&to=…`. */
export interface UrlState {
  centerId: string | null;
  depth: 1 | 2;
  hiddenKinds: EntityKind[];
  pathFrom: string | null;
  pathTo: string | null;
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const hidden = (params.get('hide') ?? '').split(',').filter(isEntityKind);
  return {
    centerId: params.get('id') || null,
    depth: params.get('depth') === '2' ? 2 : 1,
    hiddenKinds: [...new Set(hidden)],
    pathFrom: params.get('from') || null,
    pathTo: params.get('to') || null,
  };
}

/** The query string for a state; defaults are left out so that links stay short. */
export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.centerId) params.set('id', state.centerId);
  if (state.depth !== 1) params.set('depth', String(state.depth));
  if (state.hiddenKinds.length) params.set('hide', [...state.hiddenKinds].sort().join(','));
  if (state.pathFrom) params.set('from', state.pathFrom);
  if (state.pathTo) params.set('to', state.pathTo);
  const text = params.toString();
  return text ? `?${text}` : '';
}
