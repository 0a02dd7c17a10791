// The `restProxy` section: the Confluent REST Proxy compatible API's stateful parts (v2 consumer instances).
import { z } from "zod";

import { wholeNumber } from "./config-scalars";

export const DEFAULT_CONSUMER_IDLE_SECONDS = 300;
export const DEFAULT_MAX_CONSUMERS_PER_TOKEN = 10;

export interface RestProxySettings {
  /** A v2 consumer instance nobody used for this long is closed (it leaves its group). */
  consumerIdleSeconds: number;
  /** The most v2 consumer instances one API token (or user) may hold open at once. */
  maxConsumersPerToken: number;
  /** The external base URL v2 `base_uri`s start with, without a trailing slash; absent: the request's origin. */
  publicUrl?: string | undefined;
}

const publicUrlCheck = (value: string) => {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !url.search && !url.hash;
  } catch {
    return false;
  }
};

export const restProxySettingsSchema = z.strictObject({
  consumerIdleSeconds: wholeNumber(10, 24 * 3600).default(DEFAULT_CONSUMER_IDLE_SECONDS),
  maxConsumersPerToken: wholeNumber(1, 1000).default(DEFAULT_MAX_CONSUMERS_PER_TOKEN),
  publicUrl: z
    .string()
    .refine(
      publicUrlCheck,
      "must be an http(s) URL without query or fragment, e.g. https://console.example.com",
    )
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
});
