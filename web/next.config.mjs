/**
 * The hosts of the extra origins CSR_WEB_ORIGIN names (comma-separated, for a deployment behind a proxy that does not
 * forward the public host): Next.js's own Origin check of server actions lets them through too, as lib/origin.ts does
 * for /api/. The security headers are set by proxy.ts, which runs on every request.
 */
const extraHosts = (process.env.CSR_WEB_ORIGIN ?? '').split(',').flatMap((origin) => {
  try {
    return origin.trim() ? [new URL(origin.trim()).host] : [];
  } catch {
    return [];
  }
});

/** The web app is a server-rendered client of the gateway; the API key stays on this server. */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  ...(extraHosts.length > 0 ? { experimental: { serverActions: { allowedOrigins: extraHosts } } } : {}),
};

export default nextConfig;
