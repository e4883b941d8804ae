import Link from "next/link";
import { pageClinicIdentity } from "../../../_components/clinic-identity";
import { telHref } from "../../../_components/tel-href";
import "../../booking.css";

export default async function BookingNotFound() {
  const group = await pageClinicIdentity();
  return (
    <div className="book">
      <div className="container book__inner book__inner--narrow">
        <section className="card step" aria-labelledby="nf-title">
          <h1 id="nf-title" className="step__title">
            We couldn&apos;t find that booking
          </h1>
          <p>
            The link may be incomplete: please open it again from your confirmation email, or call us on{" "}
            <a href={telHref(group.phone)}>{group.phone}</a>.
          </p>
          <Link href="/book" className="button">
            Book an appointment
          </Link>
        </section>
      </div>
    </div>
  );
}
