"use client";

import { useEffect, type RefObject } from "react";

/** After a refused submit, keyboard and screen-reader users land on the first field to fix. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, refusal: object | null) {
  useEffect(() => {
    if (!refusal) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, refusal]);
}
