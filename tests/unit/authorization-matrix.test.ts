import { describe, expect, it } from 'vitest';
import { scanAppSurface } from '../authorization/app-surface';
import { ACTIONS, ACTORS, PAGES, ROUTES } from '../authorization/matrix';

/** A new page, route or server action cannot ship without deciding who may call it. */
describe('the authorization matrix covers the whole app', () => {
  const surface = scanAppSurface();

  it('has an entry for every page, and none for pages that no longer exist', () => {
    expect(Object.keys(PAGES).sort()).toEqual(surface.pages);
  });

  it('has an entry for every route handler method', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(surface.routes);
  });

  it('has an entry for every exported server action', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(surface.actions);
  });

  it('decides every actor for every entry', () => {
    const all = [...Object.values(PAGES), ...Object.values(ROUTES), ...Object.values(ACTIONS).map((a) => a.expect)];
    for (const expectations of all) expect(Object.keys(expectations).sort()).toEqual([...ACTORS].sort());
  });
});
