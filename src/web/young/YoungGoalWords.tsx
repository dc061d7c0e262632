/**
 * The young person's own words on a goal: shown under the goal, written or changed in a small form.
 * Saving makes a new plan version; if staff changed the plan meanwhile, the server's sentence shows.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MePlan } from '../../core/me-schemas.js';
import { meApi } from './api.js';

type T = (key: string, values?: Record<string, string>) => string;
type Goal = MePlan['goals'][number];
type Props = {
  goal: Goal;
  version: number;
  t: T;
  act: (work: () => Promise<void>) => void;
  onSaved: (p: MePlan) => void;
};

/** The goal's own words and the form to write them. */
export function YoungGoalWords({ goal, version, t, act, onSaved }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(goal.ownWords ?? '');
  const id = `y-words-${goal.id}`;
  const field = useRef<HTMLTextAreaElement>(null);
  // The field takes the focus when it opens, so a keyboard user writes at once.
  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    act(async () => {
      onSaved(await meApi.ownWords(goal.id, version, text));
      setEditing(false);
    });
  };
  if (editing)
    return (
      <form onSubmit={save}>
        <label htmlFor={id}>{t('ownWordsLabel')}</label>
        <p id={`${id}-hint`} className="y-hint">
          {t('ownWordsHint')}
        </p>
        <textarea
          ref={field}
          id={id}
          rows={3}
          maxLength={2000}
          aria-describedby={`${id}-hint`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="y-button y-button--small">
          {t('save')}
        </button>{' '}
        <button type="button" className="y-link" onClick={() => (setText(goal.ownWords ?? ''), setEditing(false))}>
          {t('cancel')}
        </button>
      </form>
    );
  return (
    <>
      {goal.ownWords ? (
        <p>
          {t('ownWords')}: “{goal.ownWords}”
        </p>
      ) : null}
      <button type="button" className="y-link" onClick={() => (setText(goal.ownWords ?? ''), setEditing(true))}>
        {goal.ownWords ? t('ownWordsChange') : t('ownWordsEdit')}
        <span className="y-visually-hidden">: {goal.title}</span>
      </button>
    </>
  );
}
