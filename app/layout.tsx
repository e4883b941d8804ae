import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "./globals.css";
import { pageClinicIdentity } from "./_components/clinic-identity";
import { HydrationMark } from "./_components/hydration-mark";

// Every page's title ends with the group's name, as the manager set it.
export async function generateMetadata(): Promise<Metadata> {
  const { name } = await pageClinicIdentity();
  return {
    title: { default: name, template: `%s · ${name}` },
    description: "Sports physiotherapy, exercise physiology and online rehab. Book online in under a minute.",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0d4a5c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so each carries the nonce of its own
  // Content-Security-Policy (proxy.ts); Next.js puts it on its scripts.
  await headers();
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
