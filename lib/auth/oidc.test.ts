import { describe, expect, it } from 'vitest';
import { authCookies, usesSecureCookies } from './auth-cookies';
import { oidcProvider, verifiedEmailOf } from './oidc';

describe('OIDC sign-in', () => {
  it('discovers the provider from the issuer, uses the ID token, PKCE and state', () => {
    const provider = oidcProvider({ issuer: 'https://idp.example.com', clientId: 'id', clientSecret: 'secret', name: 'Acme SSO' });
    expect(provider).toMatchObject({
      id: 'oidc',
      name: 'Acme SSO',
      type: 'oauth',
      wellKnown: 'https://idp.example.com/.well-known/openid-configuration',
      idToken: true,
      checks: ['pkce', 'state'],
    });
  });

  it('links only provider-verified emails', () => {
    expect(verifiedEmailOf({ sub: '1', email: 'Ada@Example.com', email_verified: true })).toBe('ada@example.com');
    expect(verifiedEmailOf({ sub: '1', email: 'ada@example.com', email_verified: 'true' })).toBe('ada@example.com');
    expect(verifiedEmailOf({ sub: '1', email: 'ada@example.com', email_verified: false })).toBeNull();
    expect(verifiedEmailOf({ sub: '1', email: 'ada@example.com' })).toBeNull();
    expect(verifiedEmailOf({ sub: '1', email_verified: true })).toBeNull();
    expect(verifiedEmailOf(undefined)).toBeNull();
  });
});

describe('session cookies', () => {
  it('are Secure with prefixed names exactly when the public URL is https', () => {
    expect(usesSecureCookies('https://app.example.com')).toBe(true);
    expect(usesSecureCookies('http://localhost:3000')).toBe(false);
    expect(usesSecureCookies(undefined)).toBe(false);
    const secure = authCookies(true);
    expect(secure.sessionToken).toEqual({
      name: '__Secure-next-auth.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
    });
    expect(secure.csrfToken.name).toBe('__Host-next-auth.csrf-token');
    expect(authCookies(false).sessionToken.name).toBe('next-auth.session-token');
  });

  it('are all HttpOnly and SameSite=Lax', () => {
    for (const cookie of Object.values(authCookies(false))) expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax' });
  });
});
