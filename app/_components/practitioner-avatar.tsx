"use client";
import { useState } from "react";
import "./practitioner-avatar.css";

/** "Amelia Chen" → "AC". */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
}

/**
 * A practitioner's photo, or their initials when they have none (or it fails to load). Decorative: their name is
 * always written beside it. `className` sizes and rounds it (booking.css `.avatar`, setup.css).
 */
export function PractitionerAvatar({
  name,
  photoUrl,
  size,
  className = "avatar",
}: {
  name: string;
  photoUrl: string | null;
  size: number;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  const style = { "--avatar-size": `${size}px` } as React.CSSProperties;
  if (photoUrl && !failed)
    return (
      // a plain img: the photo is served by this site (GET /api/v1/practitioners/{slug}/photo; the CSP's img-src is 'self')
      // eslint-disable-next-line @next/next/no-img-element
      <img
        className={className}
        src={photoUrl}
        alt=""
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        style={style}
        onError={() => setFailed(true)}
      />
    );
  return (
    <span className={`${className} ${className}--initials`} aria-hidden="true" style={style}>
      {initialsOf(name)}
    </span>
  );
}
