import Link from "next/link";
import { connection } from "next/server";
import { pageClinicIdentity } from "../_components/clinic-identity";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const group = await pageClinicIdentity();
  return (
    <>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link href="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              {group.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="brand__name">{group.name}</span>
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
          <p>
            {group.name} · {group.phone} · In an emergency call 000.
          </p>
          <p>
            <Link href="/login">Staff sign in</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
