"use client";

import { useEffect, useRef, type MouseEvent } from "react";

export type FileContent = { text: string } | { base64: string };

function bytesOf(content: FileContent): BlobPart {
  if ("text" in content) return content.text;
  const binary = atob(content.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * A click handler for a download link that points it at an object URL built in the browser from
 * what the server already returned: nothing is fetched again (the private key exists nowhere else).
 * The URL is made on the first click (the browser follows the new href after the handler) and
 * revoked when the content changes or the link goes away.
 */
export function useBlobDownload(content: FileContent, type: string) {
  const urlRef = useRef<string | null>(null);
  const key = "text" in content ? `t:${content.text}` : `b:${content.base64}`;
  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      urlRef.current = null;
    },
    [key, type],
  );
  return (event: MouseEvent<HTMLAnchorElement>) => {
    urlRef.current ??= URL.createObjectURL(new Blob([bytesOf(content)], { type }));
    event.currentTarget.href = urlRef.current;
  };
}
