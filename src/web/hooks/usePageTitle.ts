/** Sets the document title for the current page, in the form "Page – Lotsa". */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Updates document.title whenever `page` (an already translated text) changes. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.documentTitle', { page }) : t('app.name');
  }, [page, t]);
}
