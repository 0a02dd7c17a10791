"use client";

import { useEffect, useState } from "react";

import type { CommonNameCheck } from "@/lib/schemas/certificates";

/** Waits for a pause in typing: one request per name the operator settles on, not per key. */
const PAUSE_MS = 350;

/**
 * The server's answer for the CN as typed: a refusal for this user and who already goes by the name.
 * Undefined while there is no answer for the current name (typing, empty, or the request failed):
 * issuing never waits for it, and the server checks the same rules again when issuing.
 */
export function useCommonNameCheck(commonName: string): CommonNameCheck | undefined {
  const [answer, setAnswer] = useState<CommonNameCheck>();
  useEffect(() => {
    if (commonName === "") return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(
          `/api/v1/certificates/name-check?${new URLSearchParams({ commonName })}`,
          { signal: controller.signal, headers: { Accept: "application/json" } },
        );
        if (response.ok) setAnswer((await response.json()) as CommonNameCheck);
      } catch {
        // Aborted by the next keystroke, or the network: the submit answers either way.
      }
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [commonName]);
  return answer?.commonName === commonName ? answer : undefined;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** "This name already has 2 valid certificates and 3 bindings on cluster local, …": undefined when nobody has it. */
export function existingUseText(check: CommonNameCheck): string | undefined {
  const clusters = check.clusters.map((usage) =>
    usage.bindings === null
      ? `unknown bindings on cluster ${usage.cluster} (${usage.problem ?? "it did not answer"})`
      : `${plural(usage.bindings, "binding")} on cluster ${usage.cluster}`,
  );
  const inUse =
    check.validCertificates > 0 ||
    check.clusters.some((usage) => usage.bindings === null || usage.bindings > 0);
  if (!inUse) return undefined;
  const parts = [plural(check.validCertificates, "valid certificate"), ...clusters];
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return `This name already has ${list}. A new certificate for ${check.commonName} gets the same access as its other holders.`;
}
