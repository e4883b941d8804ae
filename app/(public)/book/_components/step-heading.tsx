"use client";
import { useEffect, useRef } from "react";

/** The step's heading; it takes focus when the step changes, so screen readers and keyboards start at the top. */
export function StepHeading({
  children,
  id = "step-title",
  focus,
}: {
  children: React.ReactNode;
  id?: string;
  focus: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [focus]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="step__title">
      {children}
    </h2>
  );
}
