"use client";

import { useSyncExternalStore } from "react";
import {
  readThemePreference,
  subscribeThemePreference,
  writeThemePreference,
  type ThemePreference,
} from "./theme-store";

// The server cannot see localStorage; "system" until hydration, then the stored value.
const serverPreference = (): ThemePreference => "system";

export function useThemePreference(): [ThemePreference, (preference: ThemePreference) => void] {
  const preference = useSyncExternalStore(subscribeThemePreference, readThemePreference, serverPreference);
  return [preference, writeThemePreference];
}
