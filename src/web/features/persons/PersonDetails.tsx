/**
 * A person's identity, contact details and guardians; contact details give way to a notice under protected identity.
 */
import { useTranslation } from 'react-i18next';
import { formatIdentityNumber } from '../../../core/personnummer.js';
import type { PersonDetail } from '../../../core/schemas.js';
import { useFormat } from '../../i18n/format.js';

/** Where the young person's sign-in code goes, or that none can go (the chosen detail is not their own). */
function signInCode(person: PersonDetail, t: (key: string) => string): string {
  const byEmail = person.signInCodeChannel === 'email';
  const detail = byEmail ? person.email : person.phone;
  const givenBy = byEmail ? person.emailGivenBy : person.phoneGivenBy;
  if (!detail || givenBy !== 'young_person') return t('persons.signInCode.noCode');
  return t(`persons.signInCode.summary.${byEmail ? 'email' : 'sms'}`);
}

/** The "Personal details" section of the person page. */
export function PersonDetails({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const missing = <span className="muted">{t('common.missing')}</span>;
  const address = [person.streetAddress, [person.postalCode, person.city].filter(Boolean).join(' ')].filter(Boolean);
  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">{t('persons.page.details')}</h2>
      <dl className="details">
        <dt>
          {t(
            person.kind === 'coordination'
              ? 'persons.fields.coordinationNumber'
              : 'persons.fields.personalIdentityNumber',
          )}
        </dt>
        <dd className="nowrap">{formatIdentityNumber(person.personalIdentityNumber)}</dd>
        <dt>{t('persons.fields.birthDate')}</dt>
        <dd>{format.date(person.birthDate)}</dd>
        {person.contactDetailsHidden ? null : (
          <>
            <dt>{t('persons.fields.address')}</dt>
            <dd>
              {address.length
                ? address.map((line) => (
                    <span key={line} className="block">
                      {line}
                    </span>
                  ))
                : missing}
            </dd>
            <dt>{t('persons.fields.phone')}</dt>
            <dd>{person.phone ?? missing}</dd>
            <dt>{t('persons.fields.email')}</dt>
            <dd>{person.email ?? missing}</dd>
            <dt>{t('persons.signInCode.title')}</dt>
            <dd>{signInCode(person, t)}</dd>
          </>
        )}
      </dl>
      {person.contactDetailsHidden ? (
        <p className="notice notice--protected" role="note">
          <strong>{t('persons.protectedNotice')}</strong>
        </p>
      ) : person.protectedIdentity ? (
        <p className="notice notice--protected" role="note">
          {t('persons.protectedVisible')}
        </p>
      ) : null}
      <h3>{t('persons.guardians.title')}</h3>
      {person.guardians.length === 0 ? (
        <p className="muted">{t('persons.guardians.noneRegistered')}</p>
      ) : (
        <ul className="guardian-list">
          {person.guardians.map((g, i) => (
            <li key={`${g.name}-${i}`}>
              <span className="strong">{g.name}</span>
              {g.relation ? <span> {t('persons.guardians.relationValue', { relation: g.relation })}</span> : null}
              {g.phone ? <span className="block">{t('persons.guardians.phoneValue', { phone: g.phone })}</span> : null}
              {g.email ? <span className="block">{t('persons.guardians.emailValue', { email: g.email })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
