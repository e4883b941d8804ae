import Link from "next/link";
import { pageClinicIdentity } from "../../../_components/clinic-identity";
import { telHref } from "../../../_components/tel-href";
import "./intake.css";

// Says nothing about whether the link ever existed: a guessed token learns nothing.
export default async function IntakeNotFound() {
  const group = await pageClinicIdentity();
  return (
    <div className="container intake">
      <section className="card intake-card intake-missing" aria-labelledby="intake-missing-title">
        <h1 id="intake-missing-title">We can&apos;t open this form</h1>
        <p>
          The link may be incomplete or out of date. Please open it again from your confirmation email, making sure you
          copy the whole link.
        </p>
        <p>
          Still stuck? Call us on <a href={telHref(group.phone)}>{group.phone}</a> and we&apos;ll help.
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
