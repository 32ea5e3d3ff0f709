import type { Random } from './random';

/** Word lists for plausible B2B company names and people, combined deterministically from a seeded Random. */

const COMPANY_FIRST = [
  'Acme', 'Alder', 'Apex', 'Arbor', 'Atlas', 'Aurora', 'Beacon', 'Birch', 'Blue Harbor', 'Bluefin', 'Bright',
  'Brook', 'Cascade', 'Cedar', 'Clear', 'Cobalt', 'Copper', 'Crescent', 'Crest', 'Delta', 'Ember', 'Evergreen',
  'Falcon', 'Fern', 'Fjord', 'Granite', 'Greenfield', 'Harbor', 'Hawthorn', 'Helix', 'Horizon', 'Ironwood',
  'Juniper', 'Keystone', 'Kestrel', 'Lakeside', 'Lighthouse', 'Linden', 'Lumen', 'Maple', 'Meridian', 'Mosaic',
  'Northgate', 'Nova', 'Oak', 'Orbit', 'Pacific', 'Paragon', 'Pine', 'Pinnacle', 'Polar', 'Prairie', 'Quarry',
  'Redwood', 'Ridge', 'River', 'Sable', 'Sage', 'Silver', 'Sierra', 'Solstice', 'Spruce', 'Stone', 'Summit',
  'Tidal', 'Timber', 'Trident', 'Vantage', 'Vertex', 'Willow', 'Zenith',
] as const;

const COMPANY_SECOND = [
  'Analytics', 'Bank', 'Biotech', 'Capital', 'Cloud', 'Commerce', 'Consulting', 'Data', 'Dynamics', 'Energy',
  'Engineering', 'Foods', 'Freight', 'Health', 'Hospitality', 'Insurance', 'Labs', 'Learning', 'Logistics',
  'Manufacturing', 'Media', 'Medical', 'Mobility', 'Networks', 'Partners', 'Payments', 'Pharma', 'Properties',
  'Retail', 'Robotics', 'Security', 'Software', 'Solutions', 'Systems', 'Telecom', 'Travel', 'Utilities', 'Ventures',
] as const;

const COMPANY_SUFFIX = ['', '', '', 'Inc.', 'Ltd', 'Group', 'GmbH', 'AG', 'SA', 'plc', 'Co.', 'B.V.', 'LLC'] as const;

const FIRST_NAMES = [
  'Aiden', 'Alice', 'Amara', 'Anders', 'Ava', 'Benjamin', 'Camila', 'Chen', 'Chloe', 'Daniel', 'Diego', 'Elena',
  'Emma', 'Ethan', 'Fatima', 'Felix', 'Grace', 'Hannah', 'Hiro', 'Isabel', 'Ivan', 'Jamal', 'Julia', 'Kai', 'Kenji',
  'Leila', 'Leo', 'Lucas', 'Maya', 'Mei', 'Mia', 'Nadia', 'Noah', 'Nora', 'Olivia', 'Omar', 'Oscar', 'Ravi',
  'Rosa', 'Samuel', 'Sara', 'Tomas', 'Yara', 'Zoe',
] as const;

const LAST_NAMES = [
  'Adeyemi', 'Andersen', 'Bauer', 'Brennan', 'Castillo', 'Chowdhury', 'Costa', 'Dubois', 'Eriksen', 'Fischer',
  'Garcia', 'Hansen', 'Ibrahim', 'Ito', 'Jensen', 'Kim', 'Kowalski', 'Larsen', 'Lopez', 'Martin', 'Meyer',
  'Moreau', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Park', 'Patel', 'Petrov', 'Quinn', 'Rossi', 'Santos',
  'Schmidt', 'Silva', 'Singh', 'Tanaka', 'Varga', 'Walsh', 'Weber', 'Yilmaz', 'Zhang',
] as const;

export function companyName(random: Random): string {
  const roll = random.next();
  if (roll < 0.1) {
    // Founder-style names ("Okafor & Brennan") appear in professional services.
    const a = random.pick(LAST_NAMES);
    const b = random.pick(LAST_NAMES.filter((name) => name !== a));
    return `${a} & ${b}`;
  }
  const base = `${random.pick(COMPANY_FIRST)} ${random.pick(COMPANY_SECOND)}`;
  const suffix = random.pick(COMPANY_SUFFIX);
  return suffix === '' ? base : `${base} ${suffix}`;
}

/** A company name not in `taken` (which it updates); falls back to a numbered name if the lists run dry. */
export function uniqueCompanyName(random: Random, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const name = companyName(random);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const name = `${companyName(random)} ${taken.size + 1}`;
  taken.add(name);
  return name;
}

export function personName(random: Random): { first: string; last: string } {
  return { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) };
}
