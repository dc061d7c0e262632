/**
 * "What you see and why": the basis of the reader's access, the categories shown and those withheld, and emergency
 * access.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_CATEGORIES } from '../../../core/consent.js';
import type { PersonDetail } from '../../../core/schemas.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { usePersonChanged } from '../persons/usePersonChanged.js';
import { EmergencyAccessForm } from './EmergencyAccessForm.js';

/** A small link-styled button, shown only to a reader whose access is limited, that opens the emergency-access form. */
function EmergencyAccessDisclosure({ personId, onOpened }: { personId: string; onOpened: () => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <p className="small">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls="emergency-access"
          onClick={() => setOpen(!open)}
        >
          {t('contactHub.emergencyLink')}
        </button>
      </p>
      <div id="emergency-access" hidden={!open}>
        {open ? <EmergencyAccessForm personId={personId} onOpened={onOpened} /> : null}
      </div>
    </>
  );
}

/** The access panel at the top of the person page; emergency access opened here refreshes the page. */
export function AccessPanel({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const personChanged = usePersonChanged();
  const format = useFormat();
  const { can } = useSession();
  const { access } = person;
  const hidden = CONSENT_CATEGORIES.filter((c) => !access.categories.includes(c));
  const emergency = access.basis === 'emergency' && access.emergencyUntil;
  return (
    <section className={emergency ? 'panel panel--emergency' : 'panel'} aria-labelledby="access-title">
      <h2 id="access-title">{t('consent.access.title')}</h2>
      <p>
        {t(`consent.access.basis.${access.basis}`, { until: emergency ? format.dateTime(access.emergencyUntil!) : '' })}
      </p>
      <div className="access-columns">
        <div>
          <h3>{t('consent.access.sees')}</h3>
          <ul className="access-list access-list--sees">
            {access.categories.map((c) => (
              <li key={c}>{t(`consent.categories.${c}`)}</li>
            ))}
          </ul>
        </div>
        {hidden.length ? (
          <div>
            <h3>{t('consent.access.seesNot')}</h3>
            <ul className="access-list access-list--hidden">
              {hidden.map((c) => (
                <li key={c}>{t(`consent.categories.${c}`)}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {hidden.length ? (
        <p className="muted">{t('consent.access.hiddenHint')}</p>
      ) : (
        <p className="muted">{t('consent.access.nothingHidden')}</p>
      )}
      {hidden.length && can('emergency.access') ? (
        <EmergencyAccessDisclosure personId={person.id} onOpened={() => personChanged(person.id)} />
      ) : null}
    </section>
  );
}
