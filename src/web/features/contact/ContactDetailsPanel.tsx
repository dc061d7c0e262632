/** What the coach needs to reach the person: phone, e-mail, address and guardians, or why they are withheld. */
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../core/schemas.js';
import { useFormat } from '../../i18n/format.js';

/** The contact-details panel of the next-step view. */
export function ContactDetailsPanel({
  person,
  under18,
  enteredOn,
}: {
  person: PersonDetail;
  under18: boolean;
  enteredOn: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const missing = <span className="muted">{t('contact.details.missing')}</span>;
  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">{t('contact.details.title')}</h2>
      {enteredOn ? <p>{t('contact.details.enteredOn', { date: format.date(enteredOn) })}</p> : null}
      {person.contactDetailsHidden ? (
        <p className="notice notice--protected">{t('contact.details.protected')}</p>
      ) : (
        <dl className="details">
          <dt>{t('contact.details.phone')}</dt>
          <dd>{person.phone ?? missing}</dd>
          <dt>{t('contact.details.email')}</dt>
          <dd>{person.email ?? missing}</dd>
          <dt>{t('contact.details.address')}</dt>
          <dd>
            {person.streetAddress
              ? `${person.streetAddress}, ${person.postalCode ?? ''} ${person.city ?? ''}`
              : missing}
          </dd>
          {person.guardians.length ? (
            <>
              <dt>{t('contact.details.guardians')}</dt>
              <dd>
                <ul className="plain-list">
                  {person.guardians.map((g, i) => (
                    <li key={i}>
                      {g.name}
                      {g.phone ? `, ${g.phone}` : ''}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      )}
      {under18 ? <p className="notice">{t('contact.details.under18')}</p> : null}
    </section>
  );
}
