/**
 * "Results are identical in Node and in the browser bundle": bundle lib/scoring for the browser with esbuild,
 * evaluate it in a fresh vm context with no Node globals, and compare its output bit-for-bit with the direct import
 * on a batch of generated inputs (valid and invalid). A real-Chromium check lives in e2e.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allQuestionIds, COMPONENT_SLUGS, DSCE_V1 } from '../framework';
import * as scoring from './index';
import { inputArb, portfolioEntryArb, thresholdsArb } from './test-arbitraries';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The same job runner, as source, evaluated in both realms (JSON in, so both sides see identical inputs). */
const RUNNER = `
  const job = JSON.parse(json);
  const revive = (d) => (d === null || d === undefined ? null : new Date(d));
  try {
    switch (job.kind) {
      case 'score':
        return { ok: lib.scoreAssessment({ ...job.input, framework: lib.DSCE_V1 }) };
      case 'trend':
        return { ok: lib.trendBetween(lib.scoreAssessment({ ...job.a, framework: lib.DSCE_V1 }),
                                      lib.scoreAssessment({ ...job.b, framework: lib.DSCE_V1 })) };
      case 'portfolio': {
        const entries = job.entries.map((e) => ({ ...e, submittedAt: revive(e.submittedAt) }));
        const options = { now: new Date(job.now), thresholds: job.thresholds };
        return { ok: [lib.portfolioSummary(entries, options), lib.groupPortfolio(entries, lib.PORTFOLIO_GROUPINGS.owner, options),
                      lib.portfolioLevers(entries)] };
      }
      case 'history': {
        const points = job.points.map((p) => ({ ...p, submittedAt: revive(p.submittedAt) }));
        return { ok: [lib.historyByPeriod(points, 'month'), lib.historyByPeriod(points, 'quarter')] };
      }
      case 'format':
        return { ok: job.values.map((v) => lib.formatScore(v)) };
    }
    throw new Error('unknown job ' + job.kind);
  } catch (e) {
    return { error: { name: e.name, code: e.code, field: e.field, message: e.message } };
  }
`;

type Runner = (lib: unknown, json: string) => unknown;

/** Exact, realm-independent rendering: every number by its IEEE-754 bits (so -0, 0 and NaN payloads differ). */
function canonical(value: unknown): unknown {
  if (typeof value === 'number') {
    return `f64:${new BigUint64Array(new Float64Array([value]).buffer)[0]?.toString(16)}`;
  }
  if (value === null || typeof value !== 'object') return value;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return { date: canonical((value as Date).getTime()) };
  if (tag === '[object Map]') return { map: [...(value as Map<unknown, unknown>)].map(canonical) };
  if (Array.isArray(value)) return value.map(canonical);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
}

let dir = '';
let bundle = '';
let inputs: string[] = [];
let browserRun: (json: string) => unknown;
const nodeRun = (json: string) => (new Function('lib', 'json', RUNNER) as Runner)({ ...scoring, DSCE_V1 }, json);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dsce-bundle-'));
  const outfile = path.join(dir, 'dsce.js');
  const result = await build({
    stdin: {
      contents: "export * from './lib/scoring/index.ts'; export { DSCE_V1 } from './lib/framework/index.ts';",
      resolveDir: ROOT,
      sourcefile: 'browser-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: '__dsce',
    target: 'es2020',
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  bundle = await readFile(outfile, 'utf8');
  inputs = Object.keys(result.metafile.inputs);

  const context = vm.createContext({}); // a bare JS realm: no process, require, Buffer, module…
  vm.runInContext(bundle, context, { filename: 'dsce.js' });
  const runner = vm.runInContext(`(json) => (function (lib, json) {${RUNNER}})(__dsce, json)`, context) as (
    json: string,
  ) => unknown;
  browserRun = runner;
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function expectSame(job: object): 'ok' | 'error' {
  const json = JSON.stringify(job);
  const expected = canonical(nodeRun(json));
  expect(canonical(browserRun(json))).toEqual(expected);
  return (expected as { ok?: unknown }).ok === undefined ? 'error' : 'ok';
}

describe('browser bundle', () => {
  it('contains only lib/scoring and lib/framework, with no Node dependencies', () => {
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) expect(input).toMatch(/^(lib\/scoring|lib\/framework)\/[\w-]+\.ts$|^browser-entry\.ts$/);
    expect(bundle).not.toMatch(/\brequire\(|\bprocess\.|node:/);
  });

  it('runs in a realm without Node globals', () => {
    const context = vm.createContext({});
    expect(vm.runInContext('[typeof process, typeof require, typeof Buffer, typeof module, typeof setImmediate]', context)).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  it('scores generated assessments bit-for-bit like Node, including the errors it throws', () => {
    const outcomes = { ok: 0, error: 0 };
    const batch = fc.sample(inputArb, { numRuns: 400, seed: 20250601 });
    for (const input of batch) outcomes[expectSame({ kind: 'score', input: { ...input, framework: undefined } })] += 1;
    // extremes and invalid input
    const ids = allQuestionIds(DSCE_V1);
    const extremes = [
      { answers: {}, weights: Object.fromEntries(COMPONENT_SLUGS.map((s, i) => [s, i === 0 ? Number.MAX_VALUE : 1e-300])) },
      { answers: { [ids[0] as string]: 4 }, weights: { intent: Number.MIN_VALUE }, targets: { intent: Number.MIN_VALUE } },
      { answers: { 'intent.q9': 1 } },
      { answers: { [ids[1] as string]: 7 } },
      { answers: {}, weights: { adoption: -1 } },
      { answers: {}, targets: { journey: 0 } },
      { answers: {}, thresholds: { desired: 50, engaged: 60, atRisk: 10 } },
      { answers: Object.fromEntries(ids.map((id) => [id, 'na'])) },
    ];
    for (const input of extremes) outcomes[expectSame({ kind: 'score', input })] += 1;
    expect(outcomes.ok).toBeGreaterThan(300);
    expect(outcomes.error).toBeGreaterThanOrEqual(6);
  });

  it('computes trends, portfolio figures, history and display formatting identically', () => {
    const pairs = fc.sample(fc.tuple(inputArb, inputArb), { numRuns: 50, seed: 7 });
    for (const [a, b] of pairs) expectSame({ kind: 'trend', a: { ...a, framework: undefined }, b: { ...b, framework: undefined } });
    const portfolios = fc.sample(fc.tuple(fc.array(portfolioEntryArb, { maxLength: 20 }), fc.option(thresholdsArb, { nil: undefined })), {
      numRuns: 100,
      seed: 11,
    });
    for (const [entries, thresholds] of portfolios) {
      expect(expectSame({ kind: 'portfolio', entries, thresholds, now: '2026-01-01T00:00:00Z' })).toBe('ok');
    }
    const points = fc.sample(fc.array(fc.record({ accountId: fc.constantFrom('a', 'b', 'c'), submittedAt: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }), score: fc.double({ min: 0, max: 100, noNaN: true }) }), { maxLength: 30 }), { numRuns: 100, seed: 13 });
    for (const p of points) expect(expectSame({ kind: 'history', points: p })).toBe('ok');
    expectSame({ kind: 'format', values: fc.sample(fc.double({ min: -100, max: 100, noNaN: true }), { numRuns: 200, seed: 17 }) });
  });
});
