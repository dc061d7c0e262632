/**
 * The frame of every page: skip link, header (name, municipality, user, language, sign out),
 * navigation for signed-in staff, and the main landmark. Focus moves to the main content after
 * each navigation so screen reader users hear the new page.
 */
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/session.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { MainNav } from './MainNav.js';

/** The layout route element. */
export function AppLayout() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = document.getElementById('page-title');
    (heading ?? mainRef.current)?.focus();
  }, [location.pathname]);

  const signedIn = me && !me.mustChangePassword;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t('app.name')}</span>
            {me ? <span className="brand__municipality">{me.municipality.name}</span> : null}
          </Link>
          <div className="site-header__tools">
            {me ? (
              <p className="user-badge">
                <span className="visually-hidden">{t('layout.signedInAs')} </span>
                <span className="user-badge__name">{me.name}</span>
                <span className="user-badge__role">{t(`roles.${me.role}`)}</span>
                {signedIn ? (
                  <Link to="/change-password" className="user-badge__link">
                    {t('layout.changePassword')}
                  </Link>
                ) : null}
              </p>
            ) : null}
            <LanguageSwitcher />
            {me ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void signOut().finally(() => navigate('/login', { replace: true }))}
              >
                {t('layout.signOut')}
              </button>
            ) : null}
          </div>
        </div>
        {signedIn ? <MainNav /> : null}
      </header>
      <main id="main" tabIndex={-1} ref={mainRef} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
