"use client";

import { useEffect } from "react";
import {
  applyThemePreference,
  readThemePreference,
  subscribeSystemTheme,
  subscribeThemePreference,
} from "./theme-store";

/** Keeps <html> in step with the stored preference (any tab) and, on "system", with the OS. */
export function ThemeSync() {
  useEffect(() => {
    // The boot script already applied the theme for the first paint; this only follows changes.
    const sync = () => applyThemePreference(readThemePreference());
    const stopPreference = subscribeThemePreference(sync);
    const stopSystem = subscribeSystemTheme(sync);
    return () => {
      stopPreference();
      stopSystem();
    };
  }, []);
  return null;
}
