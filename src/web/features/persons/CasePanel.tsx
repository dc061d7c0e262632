/** The person's case: status, contact person, team, and (for those allowed) a form to change them. */
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../core/schemas.js';
import { Alert } from '../../components/Alert.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { staffName } from '../../components/staffName.js';
import { useFormat } from '../../i18n/format.js';
import { useSession } from '../auth/session.js';
import { CaseForm } from './CaseForm.js';

/** The case section of the person page. */
export function CasePanel({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const kase = person.case;
  return (
    <section className="panel" aria-labelledby="case-title">
      <h2 id="case-title">{t('case.title')}</h2>
      {!kase ? (
        <p className="muted">{t('case.none')}</p>
      ) : (
        <>
          <dl className="details">
            <dt>{t('case.status')}</dt>
            <dd>
              <StatusBadge status={kase.status} />
            </dd>
            <dt>{t('case.contactPerson')}</dt>
            <dd>
              {kase.contactPerson ? (
                staffName(t, kase.contactPerson)
              ) : (
                <span className="muted">{t('persons.noContactPerson')}</span>
              )}
            </dd>
            <dt>{t('case.team')}</dt>
            <dd>{kase.team ? kase.team.name : <span className="muted">{t('common.missing')}</span>}</dd>
            <dt>{t('case.openedAt')}</dt>
            <dd>{format.date(kase.openedAt)}</dd>
            {kase.closedAt ? (
              <>
                <dt>{t('case.closedAt')}</dt>
                <dd>{format.date(kase.closedAt)}</dd>
              </>
            ) : null}
          </dl>
          {kase.contactPerson && !kase.contactPersonHasAccess ? (
            <Alert tone="warning">
              <p>
                {t(
                  can('cases.assign')
                    ? 'case.contactPersonWithoutAccess'
                    : 'case.contactPersonWithoutAccessAskCoordinator',
                  { name: kase.contactPerson.name },
                )}
              </p>
            </Alert>
          ) : null}
          {can('persons.edit') && person.access.managed && kase.status !== 'closed' ? (
            <CaseForm key={kase.id} kase={kase} canAssign={can('cases.assign')} personId={person.id} />
          ) : null}
        </>
      )}
    </section>
  );
}
