/** The table of staff accounts with an edit button per row. */
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../core/schemas.js';

/** Staff rows; `onEdit` opens the edit form for one account. */
export function StaffTable({ staff, onEdit }: { staff: Staff[]; onEdit: (staff: Staff) => void }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('staff.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.fields.name')}</th>
            <th scope="col">{t('staff.fields.email')}</th>
            <th scope="col">{t('staff.fields.roleProfession')}</th>
            <th scope="col">{t('staff.fields.unit')}</th>
            <th scope="col">{t('staff.fields.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('staff.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id} className={s.active ? undefined : 'row--inactive'}>
              <th scope="row">{s.name}</th>
              <td>{s.email}</td>
              <td>
                {t(`roles.${s.role}`)}
                {s.profession ? <span className="block small">{t(`professions.${s.profession}`)}</span> : null}
              </td>
              <td>{s.unit ? s.unit.name : <span className="muted">{t('common.missing')}</span>}</td>
              <td>
                <span className={s.active ? 'badge badge--active' : 'badge badge--closed'}>
                  {s.active ? t('staff.active') : t('staff.inactive')}
                </span>
                {s.mustChangePassword ? <span className="block small">{t('staff.mustChange')}</span> : null}
              </td>
              <td>
                <button type="button" className="button button--secondary button--small" onClick={() => onEdit(s)}>
                  {t('staff.edit')}
                  <span className="visually-hidden"> {s.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
