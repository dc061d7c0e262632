/**
 * The table of an outbox (/sms, /email): one row a message, newest first as the API sends them, with
 * when it was made and a link to the person it concerns, then the outbox's own columns.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { Loading } from './Alert.js';
import { ScrollableTable } from './ScrollableTable.js';

/** One of an outbox's own columns: its heading and its cell for a message. */
export type OutboxColumn<M> = { header: string; cell: (message: M) => ReactNode; nowrap?: boolean };

/** What every outbox message has. */
type OutboxMessage = {
  id: string;
  createdAt: string;
  personId: string;
  person: { givenName: string; familyName: string } | null;
};

/**
 * The messages as a table, `Loading` until they come (nothing when loading `failed`), or the `empty`
 * sentence. `texts` are the outbox's caption, empty sentence and first two column headings.
 */
export function OutboxTable<M extends OutboxMessage>({
  messages,
  failed,
  texts,
  columns,
}: {
  messages: M[] | undefined;
  failed: boolean;
  texts: { caption: string; empty: string; createdAt: string; person: string };
  columns: OutboxColumn<M>[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!messages) return failed ? null : <Loading />;
  if (messages.length === 0) return <p>{texts.empty}</p>;
  return (
    <ScrollableTable label={texts.caption}>
      <table className="table">
        <caption className="visually-hidden">{texts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.createdAt}</th>
            <th scope="col">{texts.person}</th>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id}>
              <td className="nowrap">{format.dateTime(m.createdAt)}</td>
              <th scope="row">
                {m.person ? (
                  <Link to={`/persons/${m.personId}`}>
                    {t('persons.fullName', { given: m.person.givenName, family: m.person.familyName })}
                  </Link>
                ) : null}
              </th>
              {columns.map((c) => (
                <td key={c.header} className={c.nowrap ? 'nowrap' : undefined}>
                  {c.cell(m)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
