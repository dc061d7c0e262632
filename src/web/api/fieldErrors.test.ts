import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, FIELD_MESSAGES } from '../../core/errors.js';
import { resources } from '../i18n/resources.js';
import { ApiError } from './client.js';
import { fieldErrorsOf, messageOf, translateMessage } from './fieldErrors.js';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    resources,
    lng: 'sv',
    fallbackLng: 'sv',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  }),
);

describe('Field errors of an API problem', () => {
  it('name each field with the field code’s own sentence from core when the problem is a validation failure', () => {
    const problem = new ApiError(400, 'validation_failed', 'invalid', [
      { field: 'personalIdentityNumber', code: 'checksum', message: 'x' },
      { field: 'guardians.0.name', code: 'required', message: 'x' },
    ]);
    expect(fieldErrorsOf(problem, i18n.t)).toEqual({
      personalIdentityNumber: FIELD_MESSAGES.checksum.sv,
      'guardians.0.name': FIELD_MESSAGES.required.sv,
    });
  });

  it('give a vague field code the problem’s own sentence instead, which says what to do', () => {
    const problem = new ApiError(409, 'duplicate_person', 'x', [
      { field: 'personalIdentityNumber', code: 'invalid', message: 'x' },
    ]);
    expect(fieldErrorsOf(problem, i18n.t)).toEqual({ personalIdentityNumber: ERRORS.duplicate_person.sv });
  });

  it('are none for anything that is not an API problem', () => {
    expect(fieldErrorsOf(new Error('boom'), i18n.t)).toEqual({});
  });
});

describe('A message', () => {
  it('is translated when shown, so switching language switches a message already on screen', async () => {
    const message = messageOf(new ApiError(409, 'version_conflict', 'x'));
    expect(translateMessage(i18n.t, message)).toBe(ERRORS.version_conflict.sv);
    await i18n.changeLanguage('en');
    expect(translateMessage(i18n.t, message)).toBe(ERRORS.version_conflict.en);
    await i18n.changeLanguage('sv');
  });

  it('from anything thrown that is not an API problem is the internal error', () => {
    expect(messageOf(new TypeError('x'))).toMatchObject({ code: 'internal_error' });
  });
});
