/**
 * What a new password must be: at least `PASSWORD_MIN_LENGTH` characters (core/passwords.ts), and not common or easy to
 * guess. The check
 * runs offline against zxcvbn-ts's maintained list of about 49,000 common passwords and its
 * patterns (repeats, sequences, keyboard walks, a common word with digits), and against the
 * account's own name and e-mail address. A password is refused below zxcvbn's score 3 (fewer than
 * about 10^8 guesses), so `aaaaaaaaaaaa` and `password1234` are refused, while a few ordinary words
 * such as `ett nytt bra lösenord` pass.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

import { PASSWORD_MIN_LENGTH } from '../../../core/passwords.js';

/** The lowest zxcvbn score (0-4) a new password may have. */
export const PASSWORD_MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/** Why `password` may not be used, or null when it may: too short, or too common or guessable. */
export function passwordWeakness(password: string, accountWords: string[] = []): 'too_short' | 'common' | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // Each word of a name or address, and the whole of it run together (e.g. `annaberg` for Anna Berg).
  const words = accountWords.flatMap((w) => {
    const parts = w
      .toLowerCase()
      .split(/@/)[0]!
      .split(/[^\p{L}\p{N}]+/u);
    return [...parts, parts.join('')];
  });
  const inputs = [...new Set(words.filter((w) => w.length >= 3))];
  // zxcvbn's cost grows quickly with length; past 100 characters the first 100 decide.
  return estimator.check(password.slice(0, 100), [...inputs, 'lotsa']).score < PASSWORD_MIN_SCORE ? 'common' : null;
}
