import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce } from './content-security-policy';

const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

describe('content security policy', () => {
  it('allows scripts only from this site with the request’s nonce, never inline or eval in production', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123==', development: false, https: false }));
    expect(policy['script-src']).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['script-src']).not.toContain("'unsafe-eval'");
  });

  it('locks down framing, base URI, form targets, plugins and connections', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', development: false, https: false }));
    expect(policy).toMatchObject({
      'default-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
    expect(policy['upgrade-insecure-requests']).toBeUndefined();
  });

  it('adds eval for development and upgrades requests over https', () => {
    expect(contentSecurityPolicy({ nonce: 'n', development: true, https: false })).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n', development: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });

  it('makes a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
