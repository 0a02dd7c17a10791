// Who may read /metrics: anyone when server.metrics.public, else any API token or signed-in user.

/** Whether /metrics asks for credentials under these settings. */
export function metricsNeedCredentials(settings: { metrics: { public: boolean } }): boolean {
  return !settings.metrics.public;
}
