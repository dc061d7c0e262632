/**
 * /team-meetings, the menu's *Teammöte*: the teams whose meetings the signed-in person takes part in
 * (a coordinator: every team; anyone else: the teams they are a member of), each a link to its meetings.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { teamsApi } from '../../api/consentEndpoints.js';
import { Loading, ProblemAlert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSession } from '../auth/session.js';

/** The list of the user's teams' meetings. */
export function MyTeamMeetingsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => teamsApi.list() });
  // The same rule as the teams page's links: the server answers anyone else's read of a team's meetings 404.
  const mine = (teams.data ?? []).filter(
    (team) => me?.role === 'coordinator' || team.members.some((m) => m.id === me?.id),
  );
  return (
    <>
      <PageHeading title={t('teamMeetings.myTitle')} />
      <p className="lead">{t('teamMeetings.myIntro')}</p>
      <ProblemAlert error={teams.error instanceof ApiError ? teams.error : null} />
      {!teams.data ? (
        teams.error ? null : (
          <Loading />
        )
      ) : mine.length === 0 ? (
        <p className="muted">{t('teamMeetings.myNone')}</p>
      ) : (
        <ul className="plain-list">
          {mine.map((team) => (
            <li key={team.id}>
              <Link to={`/teams/${team.id}/meetings`}>{t('teamMeetings.openFromTeam', { team: team.name })}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
