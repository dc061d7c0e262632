/** Coordinators edit the letter and text-message templates, per kind and language. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_KINDS, type TemplateKind } from '../../../core/outreach.js';
import { lettersApi, outreachKeys } from '../../api/outreachEndpoints.js';
import { Alert, Loading, ProblemAlert } from '../../components/Alert.js';
import { FormField, TextField } from '../../components/FormField.js';
import { useAction } from '../../hooks/useAction.js';
import { apiErrorOf } from '../contact/useFieldErrors.js';

/** The template editor. */
export function TemplateEditor() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: outreachKeys.templates, queryFn: lettersApi.templates });
  const [kind, setKind] = useState<TemplateKind>('letter');
  const [language, setLanguage] = useState<'sv' | 'en'>('sv');
  const current = templates.data?.find((x) => x.kind === kind && x.language === language);
  const [heading, setHeading] = useState('');
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState(false);
  const { error, run } = useAction();
  const problem = apiErrorOf(error);

  useEffect(() => {
    setHeading(current?.heading ?? '');
    setBody(current?.body ?? '');
  }, [current?.kind, current?.language, current?.version, current?.heading, current?.body]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!(await run(() => lettersApi.saveTemplate(kind, language, { heading, body, version: current?.version ?? 0 }))))
      return;
    setSaved(true);
    await queryClient.invalidateQueries({ queryKey: outreachKeys.templates });
  }

  return (
    <section className="panel" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('letters.templates.title')}</h2>
      <p className="muted">
        {t('letters.templates.intro', {
          interpolation: { skipOnVariables: true },
          name: '{{name}}',
          contactPerson: '{{contactPerson}}',
          phone: '{{phone}}',
          meetingTime: '{{meetingTime}}',
        })}
      </p>
      {!templates.data ? (
        <Loading />
      ) : (
        <form onSubmit={submit} noValidate>
          {saved ? <Alert tone="success">{t('letters.templates.saved')}</Alert> : null}
          <ProblemAlert error={problem} />
          <div className="field-row">
            <FormField id="template-kind" label={t('letters.templates.kind')}>
              {(control) => (
                <select
                  {...control}
                  value={kind}
                  onChange={(e) => (setKind(e.target.value as TemplateKind), setSaved(false))}
                >
                  {TEMPLATE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`letters.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="template-language" label={t('letters.templates.language')}>
              {(control) => (
                <select
                  {...control}
                  value={language}
                  onChange={(e) => (setLanguage(e.target.value as 'sv' | 'en'), setSaved(false))}
                >
                  <option value="sv">{t('letters.languages.sv')}</option>
                  <option value="en">{t('letters.languages.en')}</option>
                </select>
              )}
            </FormField>
          </div>
          {kind !== 'sms' ? (
            <TextField
              id="template-heading"
              label={t('letters.templates.heading')}
              value={heading}
              onChange={setHeading}
            />
          ) : null}
          <FormField id="template-body" label={t('letters.templates.body')}>
            {(control) => (
              <textarea {...control} rows={8} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
            )}
          </FormField>
          <button type="submit" className="button">
            {t('letters.templates.save')}
          </button>
        </form>
      )}
    </section>
  );
}
