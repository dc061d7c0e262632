/** An assessment read-only: participants, each section's questions and answers, and the structured fields. */
import { useTranslation } from 'react-i18next';
import { localText } from '../../../core/assessment.js';
import type { Assessment } from '../../../core/assessment-schemas.js';
import { staffName } from '../../components/staffName.js';
import { SectionShareToggle } from './SectionShareToggle.js';

/** The read-only assessment; withheld sections say so instead of showing answers. */
export function AssessmentView({ assessment: a }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const none = t('assessment.noAnswer');
  return (
    <>
      <section className="panel" aria-labelledby="participants-title">
        <h2 id="participants-title">{t('assessment.participants')}</h2>
        <ul className="plain-list">
          {a.participants.staff.map((s) => (
            <li key={s.id}>{staffName(t, s)}</li>
          ))}
          {a.participants.others.map((o, i) => (
            <li key={`${o.role}-${i}`}>
              {o.name ? `${t(`assessment.roles.${o.role}`)}: ${o.name}` : t(`assessment.roles.${o.role}`)}
            </li>
          ))}
        </ul>
      </section>
      {a.sections.map((s) => (
        <section key={s.key} className="panel" aria-labelledby={`section-${s.key}`}>
          <h2 id={`section-${s.key}`}>{localText(s.title, i18n.language)}</h2>
          {s.mayShare ? (
            <SectionShareToggle assessment={a} sectionKey={s.key} shared={s.sharedWithYoungPerson} />
          ) : null}
          {s.withheld ? (
            <p className="muted">
              {t('assessment.sectionWithheld', { category: t(`consent.categories.${s.category}`) })}
            </p>
          ) : (
            s.questions.map((q) => (
              <div key={q.key}>
                <h3>{localText(q.text, i18n.language)}</h3>
                <p className={q.answer ? 'pre-wrap' : 'muted'}>{q.answer ?? none}</p>
              </div>
            ))
          )}
        </section>
      ))}
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('assessment.facts')}</h2>
        <dl className="details">
          <dt>{t('assessment.highestEducation')}</dt>
          <dd>{a.highestEducation ? t(`assessment.education.${a.highestEducation}`) : none}</dd>
          <dt>{t('assessment.diploma')}</dt>
          <dd>{a.diploma ? t(`assessment.diplomaAnswers.${a.diploma}`) : none}</dd>
          {a.needs !== null ? (
            <>
              <dt>{t('assessment.needs')}</dt>
              <dd>
                {a.needs.length
                  ? a.needs.map((n) => t(`assessment.needList.${n}`)).join(', ')
                  : t('assessment.noNeeds')}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    </>
  );
}
