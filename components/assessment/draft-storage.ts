import type { Answers, Notes } from '@/lib/assessments/assessment-input';

/**
 * Unsent changes of a draft, kept in localStorage under the assessment id and the server version they were
 * made against, so a reload, a crash or a dropped connection never loses them. Pure browser code.
 */
export interface StoredDraft {
  answers: Answers;
  notes: Notes;
  version: number;
}

const prefix = (assessmentId: string) => `desired-state:draft:${assessmentId}:`;

export function writeLocalDraft(assessmentId: string, draft: StoredDraft): void {
  try {
    clearLocalDrafts(assessmentId);
    window.localStorage.setItem(`${prefix(assessmentId)}${draft.version}`, JSON.stringify({ answers: draft.answers, notes: draft.notes }));
  } catch {
    // Storage full or disabled: the autosave still runs; nothing else to do.
  }
}

/** The newest locally kept draft of this assessment, if any. */
export function readLocalDraft(assessmentId: string): StoredDraft | null {
  try {
    let best: StoredDraft | null = null;
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(prefix(assessmentId))) continue;
      const version = Number(key.slice(prefix(assessmentId).length));
      const value = JSON.parse(window.localStorage.getItem(key) ?? 'null') as { answers?: Answers; notes?: Notes } | null;
      if (!Number.isInteger(version) || !value || typeof value.answers !== 'object') continue;
      if (!best || version > best.version) best = { answers: value.answers, notes: value.notes ?? {}, version };
    }
    return best;
  } catch {
    return null;
  }
}

export function clearLocalDrafts(assessmentId: string): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(prefix(assessmentId))) keys.push(key);
    }
    for (const key of keys) window.localStorage.removeItem(key);
  } catch {
    // ignore
  }
}

export function sameContent(a: { answers: Answers; notes: Notes }, b: { answers: Answers; notes: Notes }): boolean {
  return differingQuestions(a.answers, b.answers).length === 0 && differingNotes(a.notes, b.notes).length === 0;
}

export function differingQuestions(a: Answers, b: Answers): string[] {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...ids].filter((id) => a[id] !== b[id]);
}

export function differingNotes(a: Notes, b: Notes): (keyof Notes)[] {
  const slugs = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Notes)[]);
  return [...slugs].filter((slug) => (a[slug] ?? '') !== (b[slug] ?? ''));
}
