import "server-only";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

// Charts are drawn once, on the server, by Observable Plot into a light DOM (linkedom) and sent as plain SVG: no
// chart code reaches the browser, the SVG prints as it shows, and the numbers are in the table beside each chart.

const BRAND = "#0d4a5c";

function svgOf(options: Plot.PlotOptions, label: string): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svg = Plot.plot({
    ...options,
    document,
    style: { background: "transparent", fontSize: "12px" },
  }) as unknown as {
    setAttribute(name: string, value: string): void;
    querySelectorAll(selector: string): { removeAttribute(name: string): void }[];
    outerHTML: string;
  };
  // One image with one name for assistive technology; the table beside it carries the figures.
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  for (const g of svg.querySelectorAll("[aria-label]")) g.removeAttribute("aria-label");
  svg.setAttribute("aria-label", label);
  return svg.outerHTML;
}

function Figure({ svg }: { svg: string }) {
  return <div className="report-chart" dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** Horizontal bars, one per row, e.g. utilisation per practitioner. `percent` draws 0..100 % of a 0..1 value. */
export function BarChart({
  label,
  rows,
  percent = false,
  unit,
}: {
  label: string;
  rows: { name: string; value: number }[];
  percent?: boolean;
  unit?: string;
}) {
  const longest = Math.max(0, ...rows.map((r) => r.name.length));
  const max = Math.max(1, ...rows.map((r) => r.value));
  const svg = svgOf(
    {
      width: 480,
      height: 40 + rows.length * 30,
      marginLeft: Math.min(170, 12 + longest * 6.5),
      marginRight: 48,
      x: { domain: [0, max], grid: true, label: unit ?? null, tickFormat: percent ? "%" : undefined },
      y: { label: null, domain: rows.map((r) => r.name) },
      marks: [
        Plot.barX(rows, { x: "value", y: "name", fill: BRAND }),
        Plot.text(rows, {
          x: "value",
          y: "name",
          text: (r: { value: number }) => (percent ? `${(r.value * 100).toFixed(1)}%` : String(r.value)),
          dx: 4,
          textAnchor: "start",
        }),
        Plot.ruleX([0]),
      ],
    },
    label,
  );
  return <Figure svg={svg} />;
}

/** Vertical columns per week, e.g. new patients. */
export function ColumnChart({
  label,
  rows,
  unit,
}: {
  label: string;
  rows: { name: string; value: number }[];
  unit: string;
}) {
  const svg = svgOf(
    {
      width: 480,
      height: 240,
      marginBottom: 40,
      x: { label: null, domain: rows.map((r) => r.name), tickRotate: rows.length > 8 ? -40 : 0 },
      y: { grid: true, label: unit, domain: [0, Math.max(1, ...rows.map((r) => r.value))] },
      marks: [Plot.barY(rows, { x: "name", y: "value", fill: BRAND }), Plot.ruleY([0])],
    },
    label,
  );
  return <Figure svg={svg} />;
}

/** A line over weeks of a 0..1 value shown as percentages, e.g. utilisation by week. */
export function TrendChart({ label, points }: { label: string; points: { week: string; value: number }[] }) {
  const svg = svgOf(
    {
      width: 480,
      height: 260,
      marginBottom: 40,
      x: {
        type: "point",
        label: "Week starting",
        domain: points.map((p) => p.week),
        tickRotate: points.length > 8 ? -40 : 0,
      },
      y: {
        grid: true,
        label: "Booked of available",
        tickFormat: "%",
        domain: [0, Math.max(1, ...points.map((p) => p.value))],
      },
      marks: [
        Plot.line(points, { x: "week", y: "value", stroke: BRAND, strokeWidth: 2 }),
        Plot.dot(points, { x: "week", y: "value", fill: BRAND, r: 3.5 }),
        Plot.ruleY([0]),
      ],
    },
    label,
  );
  return <Figure svg={svg} />;
}
