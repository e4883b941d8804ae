import Link from "next/link";
import "../../booking.css";

export default function BookingNotFound() {
  return (
    <div className="book">
      <div className="container book__inner book__inner--narrow">
        <section className="card step" aria-labelledby="nf-title">
          <h1 id="nf-title" className="step__title">
            We couldn&apos;t find that booking
          </h1>
          <p>
            The link may be incomplete: please open it again from your confirmation email, or call us on (02) 9000 4100.
          </p>
          <Link href="/book" className="button">
            Book an appointment
          </Link>
        </section>
      </div>
    </div>
  );
}
