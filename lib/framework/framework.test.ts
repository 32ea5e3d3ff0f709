import { describe, expect, it } from 'vitest';
import {
  allQuestionIds,
  COMPONENT_SLUGS,
  componentOfQuestion,
  CURRENT_FRAMEWORK,
  DSCE_V1,
  FrameworkError,
  FRAMEWORKS,
  getFramework,
  isAnswer,
  isComponentSlug,
  isLevel,
  questionId,
  questionIdsOf,
} from './index';

describe('DSCE_V1', () => {
  it('has version dsce-v1 and the eight components in contract order', () => {
    expect(DSCE_V1.version).toBe('dsce-v1');
    expect(DSCE_V1.components.map((c) => c.slug)).toEqual([...COMPONENT_SLUGS]);
    expect(DSCE_V1.components.map((c) => c.name)).toEqual([
      'Customer intent',
      'Anticipating needs and behaviour',
      'Successful product adoption',
      'Outcomes at scale',
      'Relationships',
      'Communication & engagement',
      'Customer education',
      'Optimal customer journey',
    ]);
  });

  it('carries every guiding question of DSCE.md with positional, unique ids', () => {
    expect(DSCE_V1.components.map((c) => c.questions.length)).toEqual([4, 3, 4, 4, 5, 3, 4, 4]);
    for (const c of DSCE_V1.components) {
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.description).not.toContain('\n');
      c.questions.forEach((q, i) => {
        expect(q.id).toBe(`${c.slug}.q${i + 1}`);
        expect(q.text.endsWith('?')).toBe(true);
      });
    }
    const ids = allQuestionIds(DSCE_V1);
    expect(ids).toHaveLength(31);
    expect(new Set(ids).size).toBe(31);
    expect(DSCE_V1.components[0]?.questions[3]?.text).toBe(
      'Would the customer recognise us as a trusted advisor who understands their business?',
    );
    expect(DSCE_V1.components[7]?.description).toBe('The three Ps: prescriptive, predictive, proactive.');
  });

  it('defines levels 0..4 with labels and one-sentence descriptions', () => {
    expect(DSCE_V1.levels.map((l) => [l.value, l.label])).toEqual([
      [0, 'Absent'],
      [1, 'Ad hoc'],
      [2, 'Defined'],
      [3, 'Managed'],
      [4, 'Optimised'],
    ]);
    for (const level of DSCE_V1.levels) expect(level.description).toMatch(/^[A-Z][^\n]+\.$/);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(DSCE_V1)).toBe(true);
    expect(Object.isFrozen(DSCE_V1.components[0]?.questions[0])).toBe(true);
    expect(Object.isFrozen(DSCE_V1.levels)).toBe(true);
  });
});

describe('registry and helpers', () => {
  it('looks up stored versions and rejects unknown ones with a typed error', () => {
    expect(getFramework('dsce-v1')).toBe(DSCE_V1);
    expect(CURRENT_FRAMEWORK).toBe(DSCE_V1);
    expect(Object.keys(FRAMEWORKS)).toEqual(['dsce-v1']);
    for (const version of ['dsce-v2', 'toString', '']) {
      const error = (() => {
        try {
          getFramework(version);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(FrameworkError);
      expect(error).toMatchObject({ code: 'UNKNOWN_FRAMEWORK_VERSION', field: 'frameworkVersion', version });
      expect((error as Error).name).toBe('FrameworkError');
    }
  });

  it('lists and resolves question ids', () => {
    expect(questionIdsOf(DSCE_V1, 'anticipation')).toEqual(['anticipation.q1', 'anticipation.q2', 'anticipation.q3']);
    expect(questionIdsOf({ ...DSCE_V1, components: [] }, 'intent')).toEqual([]);
    expect(componentOfQuestion(DSCE_V1, 'relationships.q5')).toBe('relationships');
    expect(componentOfQuestion(DSCE_V1, 'relationships.q6')).toBeUndefined();
    expect(questionId('journey', 2)).toBe('journey.q2');
  });

  it('guards slugs, levels and answers', () => {
    expect(isComponentSlug('intent')).toBe(true);
    expect(isComponentSlug('Intent')).toBe(false);
    expect(isComponentSlug(1)).toBe(false);
    expect([0, 1, 2, 3, 4].every(isLevel)).toBe(true);
    expect([-1, 5, 2.5, '2', null, Number.NaN].some(isLevel)).toBe(false);
    expect(isAnswer('unknown') && isAnswer('na') && isAnswer(0)).toBe(true);
    expect(isAnswer('n/a') || isAnswer(undefined)).toBe(false);
  });
});
