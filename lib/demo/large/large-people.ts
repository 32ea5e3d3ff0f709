import { personName } from '../names';
import { createRandom, deriveSeed } from '../random';

/** The people of a synthetic organisation: one admin, one CS leader and a CSM per ~1,250 accounts. */

export const ACCOUNTS_PER_CSM = 1_250;

export interface LargePerson {
  role: 'ADMIN' | 'LEADER' | 'CSM';
  name: string;
  email: string;
}

export function csmCountFor(accounts: number): number {
  return Math.max(1, Math.round(accounts / ACCOUNTS_PER_CSM));
}

export function largePeople(slug: string, accounts: number, seed: number): LargePerson[] {
  const random = createRandom(deriveSeed(seed, -1));
  const domain = `${slug}.example`;
  const people: LargePerson[] = [
    { role: 'ADMIN', name: 'Load Test Admin', email: `admin@${domain}` },
    { role: 'LEADER', name: 'Load Test Leader', email: `leader@${domain}` },
  ];
  for (let i = 1; i <= csmCountFor(accounts); i += 1) {
    const { first, last } = personName(random);
    // The number keeps emails unique however often a name repeats.
    people.push({ role: 'CSM', name: `${first} ${last}`, email: `${first}.${last}.${i}@${domain}`.toLowerCase() });
  }
  return people;
}

/**
 * The CSMs (as a [from, to) index range) who own accounts of each segment: a few look after enterprise, more share
 * mid-market, most of the team runs the tech-touch book. Ranges overlap a little and are never empty.
 */
export function ownerPools(csmCount: number): [number, number][] {
  const range = (from: number, to: number): [number, number] => {
    const start = Math.min(Math.floor(from * csmCount), csmCount - 1);
    return [start, Math.max(start + 1, Math.ceil(to * csmCount))];
  };
  return [range(0, 0.2), range(0.15, 0.55), range(0.5, 1)];
}
