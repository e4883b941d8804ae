import type { Metadata, Viewport } from "next";
import "./globals.css";
import { HydrationMark } from "./_components/hydration-mark";

export const metadata: Metadata = {
  title: { default: "Harbour Physio Group", template: "%s · Harbour Physio Group" },
  description: "Sports physiotherapy, exercise physiology and online rehab across Sydney. Book online in under a minute.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0d4a5c" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-AU">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <HydrationMark />
      </body>
    </html>
  );
}
