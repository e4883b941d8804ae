import type { IntakeSummary } from "@/lib/intake/summary";
import { yesNo } from "./labels";
import { Score } from "./pain-scale";

const list = (xs: { label: string }[]) => (xs.length ? xs.map((x) => x.label).join("; ") : "None");

/** Region and side, onset and duration, pain, what aggravates it and where it spreads. */
export function IntakeSymptoms({ s }: { s: IntakeSummary }) {
  const weeks = s.onset.weeks;
  return (
    <section aria-labelledby="symptoms-title" className="panel">
      <h2 id="symptoms-title" className="panel__title">
        Symptoms
      </h2>
      <dl className="facts">
        <div>
          <dt>Region</dt>
          <dd>{s.region?.label ?? "Not answered"}</dd>
        </div>
        <div>
          <dt>Side</dt>
          <dd>{s.side?.label ?? "Not answered"}</dd>
        </div>
        <div>
          <dt>Onset</dt>
          <dd>
            {s.onset.how?.label ?? "Not answered"}
            {s.onset.how?.code === "sudden" ? (
              <span className="clin-sub">
                Pop or tearing: {yesNo(s.onset.pop)} · Bruising: {yesNo(s.onset.bruising)}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>
            {weeks === null
              ? "Not answered"
              : weeks === 0
                ? "Under a week"
                : `${weeks} ${weeks === 1 ? "week" : "weeks"}`}
            {s.onset.course ? <span className="clin-sub">Lately: {s.onset.course.label.toLowerCase()}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Pain now</dt>
          <dd>
            <Score value={s.pain.now} label="pain now" kind="pain" />
          </dd>
        </div>
        <div>
          <dt>Pain at worst (last week)</dt>
          <dd>
            <Score value={s.pain.worst} label="worst pain" kind="pain" />
          </dd>
        </div>
        <div className="facts__wide">
          <dt>Aggravating activities</dt>
          <dd>
            {s.aggravators.found.length ? (
              <ul className="chips chips--clin">
                {s.aggravators.found.map((a) => (
                  <li
                    key={a.code}
                    className={`chip ${a.code === "sitting" || a.code === "bending" ? "chip--cue" : ""}`}
                  >
                    {a.label}
                  </li>
                ))}
              </ul>
            ) : (
              "None given"
            )}
            {s.aggravators.note ? <p className="cue">{s.aggravators.note}</p> : null}
          </dd>
        </div>
        <div className="facts__wide">
          <dt>Radiation</dt>
          <dd>
            {list(s.radiation.to)}
            <span className="clin-sub">
              Low back pain: {yesNo(s.radiation.backPain)} · Pins and needles or numbness:{" "}
              {yesNo(s.radiation.pinsNeedles)}
            </span>
          </dd>
        </div>
        {s.knee ? (
          <div className="facts__wide">
            <dt>Knee</dt>
            <dd>
              Lump or fullness: {yesNo(s.knee.lump)} · Locking or giving way: {yesNo(s.knee.locking)} · Twisting injury:{" "}
              {yesNo(s.knee.twistingInjury)}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
