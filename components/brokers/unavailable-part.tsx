/** A part of a page the cluster could not give (unsupported, not KRaft, refused): information with the reason. */
export function UnavailablePart({ what, reason, code }: { what: string; reason: string; code?: string }) {
  return (
    <div role="status" className="space-y-1 px-5 py-4 text-sm text-zinc-700 dark:text-zinc-300">
      <p className="font-medium">{what}: unavailable</p>
      <p className="break-words text-zinc-600 dark:text-zinc-400">{reason}</p>
      {code && (
        <p>
          Code: <code className="font-mono text-xs">{code}</code>
        </p>
      )}
    </div>
  );
}
