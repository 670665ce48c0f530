"use client";
import { useLayoutEffect } from "react";
import { rememberPartsInDom } from "./static-html";

/**
 * On leaving the concept page, remembers what each part shows, also the parts whose stretch of the page had not
 * hydrated yet (see rememberPartsInDom): coming back, the router restores the page from a payload that names
 * the texts by key only. Stands before the page's streamed boundaries, so it runs while they are still in the DOM.
 */
export function KeepPartTexts() {
  useLayoutEffect(() => () => rememberPartsInDom(document), []);
  return null;
}
