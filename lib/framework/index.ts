import { DSCE_V1 } from './dsce-v1';
import type { ComponentSlug, Framework, QuestionId } from './types';

export * from './types';
export { DSCE_V1 } from './dsce-v1';

/** The version new assessments are answered against. */
export const CURRENT_FRAMEWORK: Framework = DSCE_V1;

/** Every released version; stored assessments name one of these. Never remove an entry. */
export const FRAMEWORKS: Readonly<Record<string, Framework>> = Object.freeze({ [DSCE_V1.version]: DSCE_V1 });

export class FrameworkError extends Error {
  override readonly name = 'FrameworkError';
  readonly code = 'UNKNOWN_FRAMEWORK_VERSION' as const;
  readonly field = 'frameworkVersion';

  constructor(readonly version: string) {
    super(`Unknown framework version: ${JSON.stringify(version)}`);
  }
}

/** Looks up the framework a stored assessment was answered against; throws FrameworkError if unknown. */
export function getFramework(version: string): Framework {
  // hasOwn: a version such as 'toString' must not resolve through the prototype chain.
  const framework = Object.hasOwn(FRAMEWORKS, version) ? FRAMEWORKS[version] : undefined;
  if (framework === undefined) throw new FrameworkError(version);
  return framework;
}

/** All question ids of a framework, in component then question order. */
export function allQuestionIds(framework: Framework): QuestionId[] {
  return framework.components.flatMap((c) => c.questions.map((q) => q.id));
}

/** Question ids of one component ([] if the framework lacks it). */
export function questionIdsOf(framework: Framework, slug: ComponentSlug): QuestionId[] {
  return framework.components.find((c) => c.slug === slug)?.questions.map((q) => q.id) ?? [];
}

/** The component a question belongs to, or undefined for an id the framework does not define. */
export function componentOfQuestion(framework: Framework, id: QuestionId): ComponentSlug | undefined {
  return framework.components.find((c) => c.questions.some((q) => q.id === id))?.slug;
}
