/**
 * URL slugs for organisations (/o/<slug>/…): lower-case ASCII letters, digits and single hyphens, derived from
 * the name. Uniqueness is the database's job (lib/organizations/create-organization.ts tries the candidates).
 */

export const SLUG_MAX_LENGTH = 48;

export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: "Café" → "Cafe"
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '');
  return slug || 'organisation';
}

/** The slugs to try in order: the base, then base-2, base-3, … base-<maxSuffix>. */
export function slugCandidates(base: string, maxSuffix: number): string[] {
  const candidates = [base];
  for (let suffix = 2; suffix <= maxSuffix; suffix += 1) {
    const tail = `-${suffix}`;
    candidates.push(`${base.slice(0, SLUG_MAX_LENGTH - tail.length).replace(/-+$/g, '')}${tail}`);
  }
  return candidates;
}
