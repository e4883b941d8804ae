"use client";
import { useId, useMemo } from "react";
import { browserZone, zoneCity } from "./time-format";
import { chooseViewerZone } from "./use-viewer-zone";

/** "Show times in": the patient's own zone by default, or any other (an online visit can be joined from anywhere). */
export function ZoneChoice({ zone }: { zone: string }) {
  const id = useId();
  const own = browserZone();
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return all.filter((z) => z !== own && z.includes("/"));
  }, [own]);
  return (
    <div className="zone-choice">
      <label htmlFor={id}>Show times in</label>
      <select
        id={id}
        className="select select--zone"
        value={zone}
        onChange={(e) => chooseViewerZone(e.target.value === own ? null : e.target.value)}
      >
        <option value={own}>{zoneCity(own)} (this device)</option>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, " ")}
          </option>
        ))}
      </select>
    </div>
  );
}
