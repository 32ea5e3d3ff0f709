/** Who the demo organisation is: its name and the people who sign in to it. */

export type DemoRole = 'ADMIN' | 'LEADER' | 'CSM';

export interface DemoPerson {
  role: DemoRole;
  name: string;
  email: string;
}

export const DEMO_ORGANIZATION = { name: 'Northwind Analytics', slug: 'northwind' } as const;

/** Default seed: the demo looks the same on every machine (only the passwords differ). */
export const DEFAULT_DEMO_SEED = 20_261_125;

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { role: 'ADMIN', name: 'Priya Raman', email: 'priya.raman@northwind.example' },
  { role: 'LEADER', name: 'Marcus Bell', email: 'marcus.bell@northwind.example' },
  { role: 'CSM', name: 'Sofia Alvarez', email: 'sofia.alvarez@northwind.example' },
  { role: 'CSM', name: 'Jonas Becker', email: 'jonas.becker@northwind.example' },
  { role: 'CSM', name: 'Aisha Okafor', email: 'aisha.okafor@northwind.example' },
  { role: 'CSM', name: 'Liam Chen', email: 'liam.chen@northwind.example' },
];

export interface DemoCredentials {
  organization: { name: string; slug: string };
  users: { role: DemoRole; name: string; email: string; password: string }[];
}
