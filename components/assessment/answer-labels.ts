import type { Answer, LevelDefinition } from '@/lib/framework';

/** Labels for answers, shared by server and client components (a plain module, not a client boundary). */
export const ANSWER_LABELS: Record<'unknown' | 'na', string> = { unknown: 'Unknown', na: 'N/A' };
export const ANSWER_DESCRIPTIONS: Record<'unknown' | 'na', string> = {
  unknown: 'We do not know. Counts as level 0 and lowers confidence.',
  na: 'Does not apply to this account. The question is left out of the score.',
};

export function answerLabel(answer: Answer | undefined, levels: readonly LevelDefinition[]): string {
  if (answer === undefined) return 'Not answered';
  if (answer === 'unknown' || answer === 'na') return ANSWER_LABELS[answer];
  return `${answer} · ${levels.find((l) => l.value === answer)?.label ?? ''}`;
}
