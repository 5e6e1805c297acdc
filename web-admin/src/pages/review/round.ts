import type { Schemas } from '../../api/client';

export type Round = Schemas['ReviewRound'];

const order: Schemas['ReviewRoundStatus'][] = ['Draft', 'Assigning', 'Scoring', 'Closed', 'Decided', 'Publicised', 'Final'];

/** Whether the round has reached the given status in its lifecycle. */
export const atLeast = (r: Round, s: Schemas['ReviewRoundStatus']) => order.indexOf(r.status) >= order.indexOf(s);
