import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link href="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              H
            </span>
            <span className="brand__name">Harbour Physio Group</span>
          </Link>
          <nav aria-label="Main" className="site-nav">
            <Link href="/#locations">Locations</Link>
            <Link href="/book" className="button button--small">
              Book now
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>Harbour Physio Group · (02) 9000 4100 · In an emergency call 000.</p>
          <p>
            <Link href="/login">Staff sign in</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
