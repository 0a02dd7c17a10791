// Next.js calls register() once when a server starts. Validate the configuration before serving
// anything: with problems, print them all and exit 78 (EX_CONFIG) rather than run half-configured.
// Then open the store, the session secret and, on first start, create the first admin and the CA;
// then start the lag history's sampler.
export async function register(): Promise<void> {
  // The check on NEXT_RUNTIME lets the edge bundle drop this branch, and with it fs and the config module.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { formatConfigProblems, getConfig, loadConfig } = await import("@/lib/server/config");
    const result = loadConfig();
    if (!result.ok) {
      process.stderr.write(`${formatConfigProblems(result)}\n`);
      process.exit(78);
    }
    const { dataDir, storePath, trustProxy } = getConfig().server;
    // For server.mjs, which cannot read the configuration itself: it drops forwarded headers unless
    // this is exactly true, so a failure to get here leaves them dropped, never trusted.
    (globalThis as Record<symbol, unknown>)[Symbol.for("kafka-console.server.trust-proxy")] = trustProxy;
    try {
      const { prepareAuthAtStart } = await import("@/lib/server/auth/startup");
      await prepareAuthAtStart();
    } catch (error) {
      // Almost always the data directory: missing permissions, a full disk, a store from a newer version.
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `Cannot open the console's state (server.dataDir ${dataDir}, store ${storePath}): ${reason}\n`,
      );
      process.exit(78);
    }
    try {
      // After the store: the CA lives in it. Creates it, or imports ca.import, on first start.
      const { ensureCertificateAuthority } = await import("@/lib/server/ca");
      await ensureCertificateAuthority();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `Cannot prepare the certificate authority (the ca section, store ${storePath}): ${reason}\n`,
      );
      process.exit(78);
    }
    // Last, on the store and the clusters: records every group's lag (lagHistory). Not in `next build`.
    const { startLagHistorySampler } = await import("@/lib/server/lag-history/start");
    startLagHistorySampler();
    // On the same schedule: every topic's high watermarks and log sizes (lagHistory.throughput).
    const { startThroughputSampler } = await import("@/lib/server/throughput/start");
    startThroughputSampler();
  }
}
