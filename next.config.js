// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files by path at run time; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  // forbidden() renders app/forbidden.tsx with a 403 status. A server action's body may be 3 MB: the people import
  // sends a file of up to 2 MB (lib/people-import/format.ts) as a form field (ACTION_BODY_LIMIT in the proxy agrees).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "3mb" } },
  poweredByHeader: false,
  // npm test type-checks before it builds; its build (and only its) skips doing it a second time.
  typescript: { ignoreBuildErrors: process.env.COACHGRID_BUILD_SKIP_TYPECHECK === "1" },
  // Static security headers on every response. The Content-Security-Policy carries a nonce per request and HSTS
  // depends on the public URL at run time: proxy.ts sets both (lib/security/csp.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
