import { describe, expect, it } from 'vitest';
import { EnvError, oidcConfig, parseEnv } from './env';

describe('environment: sign-in throttling', () => {
  it('defaults to 5 failures per account and 20 per address within 15 minutes', () => {
    expect(parseEnv({})).toMatchObject({
      AUTH_LOCKOUT_THRESHOLD: 5,
      AUTH_IP_THRESHOLD: 20,
      AUTH_LOCKOUT_MINUTES: 15,
      AUTH_LOCKOUT_WINDOW_MINUTES: 15,
    });
  });

  it('accepts fractional minutes and rejects nonsense with the variable’s name', () => {
    expect(parseEnv({ AUTH_LOCKOUT_MINUTES: '0.2' }).AUTH_LOCKOUT_MINUTES).toBe(0.2);
    expect(() => parseEnv({ AUTH_LOCKOUT_MINUTES: '0' })).toThrow(/AUTH_LOCKOUT_MINUTES/);
    expect(() => parseEnv({ AUTH_LOCKOUT_WINDOW_MINUTES: '-1' })).toThrow(/AUTH_LOCKOUT_WINDOW_MINUTES/);
    expect(() => parseEnv({ AUTH_LOCKOUT_THRESHOLD: '2.5' })).toThrow(/AUTH_LOCKOUT_THRESHOLD/);
    expect(() => parseEnv({ AUTH_IP_THRESHOLD: 'many' })).toThrow(EnvError);
    expect(parseEnv({}).AUTH_TRUSTED_PROXY_HOPS).toBe(1);
    expect(parseEnv({ AUTH_TRUSTED_PROXY_HOPS: '2' }).AUTH_TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ AUTH_TRUSTED_PROXY_HOPS: '0' })).toThrow(/AUTH_TRUSTED_PROXY_HOPS must be at least 1/);
  });
});

describe('environment: single sign-on', () => {
  const oidc = { OIDC_ISSUER: 'https://login.example.com/realms/acme/', OIDC_CLIENT_ID: 'desired-state', OIDC_CLIENT_SECRET: 's3cret' };

  it('is off when no OIDC variable is set', () => {
    expect(oidcConfig(parseEnv({}))).toBeNull();
  });

  it('is on with all three, with a default button name and the issuer’s trailing slash removed', () => {
    expect(oidcConfig(parseEnv(oidc))).toEqual({
      issuer: 'https://login.example.com/realms/acme',
      clientId: 'desired-state',
      clientSecret: 's3cret',
      name: 'single sign-on',
    });
    expect(oidcConfig(parseEnv({ ...oidc, OIDC_NAME: 'Okta' }))?.name).toBe('Okta');
  });

  it('refuses a partial configuration, naming what is missing', () => {
    expect(() => parseEnv({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID.*\n.*OIDC_CLIENT_SECRET/);
    expect(() => parseEnv({ OIDC_CLIENT_SECRET: 'x', OIDC_CLIENT_ID: 'y' })).toThrow(/OIDC_ISSUER is required/);
    expect(() => parseEnv({ ...oidc, OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER must be the issuer URL/);
  });
});
