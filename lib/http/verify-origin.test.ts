import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, verifyOrigin } from './verify-origin';

const check = (method: string, headers: Record<string, string>, trustedOrigins: string[] = []) =>
  isSameOriginRequest({ method, headers: new Headers(headers), trustedOrigins });

describe('origin verification for route handlers', () => {
  it('lets safe methods through whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(check(method, { origin: 'https://evil.example' })).toBe(true);
  });

  it('accepts a state-changing request whose Origin is the host it was sent to', () => {
    expect(check('POST', { origin: 'http://127.0.0.1:3100', host: '127.0.0.1:3100' })).toBe(true);
    expect(check('DELETE', { origin: 'https://app.example.com', host: 'internal:3000', 'x-forwarded-host': 'app.example.com' })).toBe(true);
    expect(check('PATCH', { origin: 'https://APP.example.com', host: 'app.example.com' })).toBe(true);
  });

  it('accepts the configured public origin', () => {
    expect(check('POST', { origin: 'https://app.example.com', host: 'localhost:3000' }, ['https://app.example.com/'])).toBe(true);
  });

  it('refuses another origin, another port, a null or malformed Origin', () => {
    expect(check('POST', { origin: 'https://evil.example', host: 'app.example.com' })).toBe(false);
    expect(check('POST', { origin: 'http://127.0.0.1:9999', host: '127.0.0.1:3100' })).toBe(false);
    expect(check('POST', { origin: 'null', host: 'app.example.com', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(check('PUT', { origin: 'not a url', host: 'app.example.com' })).toBe(false);
    expect(check('POST', { origin: 'https://app.example.com' })).toBe(false);
  });

  it('without Origin, accepts only what the browser marks same-origin', () => {
    expect(check('POST', { host: 'app.example.com', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(check('POST', { host: 'app.example.com', 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(check('POST', { host: 'app.example.com' })).toBe(false);
  });

  it('verifyOrigin throws FORBIDDEN for a refused request', () => {
    const forged = new Request('http://app.example.com/api/o/acme/accounts', {
      method: 'POST',
      headers: { origin: 'https://evil.example', host: 'app.example.com' },
    });
    expect(() => verifyOrigin(forged)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => verifyOrigin(new Request('http://app.example.com/x'))).not.toThrow();
  });
});
