import { themeBootScript } from "./theme-store";

/**
 * Sets the theme class before the first paint, so a dark preference never flashes light.
 * The nonce lets it run under a strict Content-Security-Policy.
 */
export function ThemeScript({ nonce }: { nonce?: string }) {
  // The only raw HTML in the app: a constant we wrote, never data from a broker or a user.
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeBootScript }} />;
}
