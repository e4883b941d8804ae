import Link from "next/link";
import "./intake.css";

// Says nothing about whether the link ever existed: a guessed token learns nothing.
export default function IntakeNotFound() {
  return (
    <div className="container intake">
      <section className="card intake-card intake-missing" aria-labelledby="intake-missing-title">
        <h1 id="intake-missing-title">We can&apos;t open this form</h1>
        <p>
          The link may be incomplete or out of date. Please open it again from your confirmation email, making sure you
          copy the whole link.
        </p>
        <p>
          Still stuck? Call us on <a href="tel:+61290004100">(02) 9000 4100</a> and we&apos;ll help.
        </p>
        <p>
          <Link href="/" className="link-arrow">
            Go to the home page →
          </Link>
        </p>
      </section>
    </div>
  );
}
