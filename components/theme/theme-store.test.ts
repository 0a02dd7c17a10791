import { describe, expect, it } from "vitest";
import { parseThemePreference, prefersDark, THEME_STORAGE_KEY, themeBootScript } from "./theme-store";

/** Runs the <head> script against a fake browser and reports whether it turned dark mode on. */
function bootScriptTurnsDark(stored: string | null, systemDark: boolean): boolean {
  const classes = new Set<string>();
  const browser = {
    localStorage: { getItem: (key: string) => (key === THEME_STORAGE_KEY ? stored : null) },
    window: { matchMedia: () => ({ matches: systemDark }) },
    document: {
      documentElement: {
        classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) },
      },
    },
  };
  new Function("localStorage", "window", "document", themeBootScript)(
    browser.localStorage,
    browser.window,
    browser.document,
  );
  return classes.has("dark");
}

describe("theme preference", () => {
  it("treats anything but light or dark as system", () => {
    expect(parseThemePreference("dark")).toBe("dark");
    expect(parseThemePreference("light")).toBe("light");
    expect(parseThemePreference(null)).toBe("system");
    expect(parseThemePreference("purple")).toBe("system");
  });

  it("boots into the same theme that applyThemePreference would set", () => {
    for (const stored of ["light", "dark", null, "garbage"]) {
      for (const systemDark of [true, false]) {
        expect(bootScriptTurnsDark(stored, systemDark), `${stored}, system dark: ${systemDark}`).toBe(
          prefersDark(parseThemePreference(stored), systemDark),
        );
      }
    }
  });
});
