// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Kafka client and the CA stay on the server, loaded from node_modules at run time.
  serverExternalPackages: ["@platformatic/kafka", "node-forge"],
};

export default nextConfig;
