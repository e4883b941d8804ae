/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and extension bundles from its own package folder at run time (and ical-timezones its zone
  // files: bundled, it found none and calendars went out without a VTIMEZONE).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "date-holidays", "@touch4it/ical-timezones"],
  poweredByHeader: false,
  // A second build folder lets a benchmark or a second checkout build without disturbing a running server.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; no need to do it twice.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // Browsers and bookmark tools still ask for /favicon.ico: answer with the app's icon.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  // Pages and API answers get theirs in proxy.ts; these are the files it does not see.
  async headers() {
    const base = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    return ["/_next/static/:path*", "/favicon.ico", "/icon.svg"].map((source) => ({ source, headers: base }));
  },
};

export default nextConfig;
