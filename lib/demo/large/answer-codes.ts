import { allQuestionIds, type Answer, type Framework, type Level } from '@/lib/framework';

/**
 * A compact form of complete answer sets: one byte per question in framework order (0–4 a level, 5 `unknown`,
 * 6 `na`). Half a million assessments then fit in ~16 MB between the pass that stores them and the pass that scores
 * them, instead of half a million objects.
 */

const UNKNOWN = 5;
const NOT_APPLICABLE = 6;

export interface AnswerCodec {
  questionCount: number;
  encode(answers: Readonly<Record<string, Answer>>, target: Uint8Array, offset: number): void;
  decode(source: Uint8Array, offset: number): Record<string, Answer>;
  /** The answers as JSON text, built directly from the codes (same content as JSON.stringify(decode(...))). */
  toJson(source: Uint8Array, offset: number): string;
}

export function createAnswerCodec(framework: Framework): AnswerCodec {
  const ids = allQuestionIds(framework);
  const keys = ids.map((id) => `${JSON.stringify(id)}:`);
  const jsonValues = ['0', '1', '2', '3', '4', '"unknown"', '"na"'];
  return {
    questionCount: ids.length,
    encode(answers, target, offset) {
      ids.forEach((id, i) => {
        const answer = answers[id];
        if (answer === undefined) throw new Error(`Answer set is missing ${id}`);
        target[offset + i] = answer === 'unknown' ? UNKNOWN : answer === 'na' ? NOT_APPLICABLE : answer;
      });
    },
    decode(source, offset) {
      const answers: Record<string, Answer> = {};
      ids.forEach((id, i) => {
        const code = source[offset + i] ?? UNKNOWN;
        answers[id] = code === UNKNOWN ? 'unknown' : code === NOT_APPLICABLE ? 'na' : (code as Level);
      });
      return answers;
    },
    toJson(source, offset) {
      let json = '{';
      for (let i = 0; i < keys.length; i += 1) {
        if (i > 0) json += ',';
        json += keys[i] as string;
        json += jsonValues[source[offset + i] ?? UNKNOWN] as string;
      }
      return `${json}}`;
    },
  };
}
