// Errors that reach a broker connection but not the request that failed because of them.
import type { Admin } from "@platformatic/kafka";

const KEEP = 8;

/**
 * With TLS 1.3 the broker checks the client certificate after the client considers the handshake
 * done: its alert arrives as an 'error' event on the connection, while the pending request only
 * fails with "Connection closed". Recording those events lets the translator name the real cause.
 * The listener also keeps a second 'error' on one connection from going unhandled.
 */
export class ConnectionErrorLog {
  #entries: { at: number; error: Error }[] = [];

  watch(client: Pick<Admin, "connections">): void {
    client.connections.on("connecting", ({ connection }) => {
      connection.on("error", (error: Error) => {
        this.#entries.push({ at: Date.now(), error });
        if (this.#entries.length > KEEP) this.#entries.shift();
      });
    });
  }

  since(time: number): Error[] {
    return this.#entries.filter((entry) => entry.at >= time).map((entry) => entry.error);
  }
}
