// RSA key generation: Node's native crypto (what lib/server/ca uses) against node-forge's
// pure-JavaScript prime search, which the CA would otherwise run on the request path.
import { generateKeyPairSync } from "node:crypto";

import forge from "node-forge";

function time(fn: () => void): number {
  const began = performance.now();
  fn();
  return performance.now() - began;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms (n=${samples.length})`;
}

export async function benchKeyGeneration(): Promise<void> {
  for (const bits of [2048, 3072]) {
    const native = Array.from({ length: 5 }, () =>
      time(() => generateKeyPairSync("rsa", { modulusLength: bits, publicExponent: 0x10001 })),
    );
    console.log(`RSA ${bits} native crypto: ${summary(native)}`);
    const runs = bits === 2048 ? 3 : 1;
    // Without this forge quietly delegates to Node's crypto when it finds it.
    // @types/node-forge does not declare forge.options.
    (forge as unknown as { options: { usePureJavaScript: boolean } }).options.usePureJavaScript = true;
    const pureJs = Array.from({ length: runs }, () =>
      time(() => forge.pki.rsa.generateKeyPair({ bits, e: 0x10001, workers: -1 })),
    );
    console.log(`RSA ${bits} node-forge (pure JS): ${summary(pureJs)}`);
  }
}
