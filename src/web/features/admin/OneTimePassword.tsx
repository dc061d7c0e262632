/** Shows a one-time password once, in a read-only field with a copy button. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The one-time password box; `message` says whose password it is. */
export function OneTimePassword({ message, password }: { message: string; password: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => box.current?.focus(), [password]);

  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(password);
    } catch {
      document.execCommand('copy');
    }
    setCopied(true);
  }

  return (
    <div className="alert alert--success otp" role="status" tabIndex={-1} ref={box}>
      <p>{message}</p>
      <label htmlFor="one-time-password">{t('staff.otp.label')}</label>
      <p id="one-time-password-hint" className="field__hint">
        {t('staff.otp.hint')}
      </p>
      <div className="otp__row">
        <input
          id="one-time-password"
          ref={input}
          readOnly
          value={password}
          aria-describedby="one-time-password-hint"
          onFocus={(e) => e.target.select()}
          className="otp__value"
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('staff.otp.copy')}
        </button>
      </div>
      <p aria-live="polite" className="otp__copied">
        {copied ? t('staff.otp.copied') : ''}
      </p>
    </div>
  );
}
