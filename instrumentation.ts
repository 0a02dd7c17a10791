// Next.js calls register() once when a server starts. Validate the configuration before serving
// anything: with problems, print them all and exit 78 (EX_CONFIG) rather than run half-configured.
export async function register(): Promise<void> {
  // The check on NEXT_RUNTIME lets the edge bundle drop this branch, and with it fs and the config module.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { formatConfigProblems, loadConfig } = await import("@/lib/server/config");
    const result = loadConfig();
    if (!result.ok) {
      process.stderr.write(`${formatConfigProblems(result)}\n`);
      process.exit(78);
    }
  }
}
