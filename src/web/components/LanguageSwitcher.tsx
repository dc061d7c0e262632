/** Switches the UI between Swedish and English; the button names the other language in that language. */
import { useTranslation } from 'react-i18next';

/** A button that changes the UI language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <button
      type="button"
      className="button button--quiet language-switcher"
      lang={other}
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t('language.switchTo')}
    </button>
  );
}
