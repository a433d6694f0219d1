/** The web app is a server-rendered client of the gateway; the API key stays on this server. */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
