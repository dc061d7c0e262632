/** How a list file should look: format, encodings, separators and Lotsa's columns for each kind of list. */
import { useTranslation } from 'react-i18next';
import { COLUMNS, LIST_KINDS, REQUIRED } from '../../../core/source-lists.js';

/** The help section beside the upload form. */
export function CsvLayoutHelp() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="layout-help-title">
      <h2 id="layout-help-title">{t('imports.help.title')}</h2>
      <p>{t('imports.help.format')}</p>
      <p>{t('imports.help.otherLayout')}</p>
      {LIST_KINDS.map((kind) => (
        <div key={kind} className="layout-help">
          <h3>{t(`imports.kinds.${kind}`)}</h3>
          <p className="small">{t('imports.help.example')}</p>
          <pre className="code-line">
            <code>{COLUMNS[kind].join(';')}</code>
          </pre>
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">{t(`imports.help.captions.${kind}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.help.column')}</th>
                  <th scope="col">{t('imports.help.content')}</th>
                  <th scope="col">{t('imports.help.required')}</th>
                </tr>
              </thead>
              <tbody>
                {COLUMNS[kind].map((column) => (
                  <tr key={column}>
                    <th scope="row">
                      <code>{column}</code>
                    </th>
                    <td>{t(`imports.fieldHints.${column}`)}</td>
                    <td>
                      {(REQUIRED[kind] as readonly string[]).includes(column)
                        ? t('imports.help.yes')
                        : t('imports.help.no')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}
