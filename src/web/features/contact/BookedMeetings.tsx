/** The person's booked meetings and home visits ahead, as a short list in the next-step panel. */
import { useTranslation } from 'react-i18next';
import type { Outreach } from '../../../core/outreach-schemas.js';
import { useFormat } from '../../i18n/format.js';

/** The booked meetings, or a line saying there are none. */
export function BookedMeetings({ meetings }: { meetings: Outreach['meetings'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <h3 id="booked-meetings-title">{t('contactHub.meetings.title')}</h3>
      {meetings.length === 0 ? (
        <p className="muted">{t('contactHub.meetings.none')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="booked-meetings-title">
          {meetings.map((m) => (
            <li key={m.id}>
              {t('contactHub.meetings.item', {
                kind: t(`contactHub.meetings.kinds.${m.kind}`),
                when: format.dateTime(m.startsAt),
                staff: m.secondStaff
                  ? t('contactHub.meetings.twoStaff', { first: m.staff.name, second: m.secondStaff.name })
                  : m.staff.name,
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
