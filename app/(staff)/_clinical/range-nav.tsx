import Link from "next/link";

/** Previous / today / next for a day or a week, as plain links so it works without JavaScript. */
export function RangeNav({
  label,
  prev,
  next,
  today,
  other,
}: {
  label: string;
  prev: { href: string; label: string };
  next: { href: string; label: string };
  today: string;
  other: { href: string; label: string };
}) {
  return (
    <nav className="range-nav" aria-label={label}>
      <div className="range-nav__steps">
        <Link className="button button--small button--ghost" href={prev.href}>
          <span aria-hidden="true">←</span> <span className="range-nav__label">{prev.label}</span>
        </Link>
        <Link className="button button--small button--ghost" href={today}>
          Today
        </Link>
        <Link className="button button--small button--ghost" href={next.href}>
          <span className="range-nav__label">{next.label}</span> <span aria-hidden="true">→</span>
        </Link>
      </div>
      <Link className="link-arrow" href={other.href}>
        {other.label}
      </Link>
    </nav>
  );
}
