"use client";
import { useEffect, useState } from "react";
import { fetchedOnce } from "@/lib/fetched-once";

type FindLinks = typeof import("@/lib/review/comment-links").findLinks;
const loadFinder = fetchedOnce<FindLinks>(() => import("@/lib/review/comment-links").then((m) => m.findLinks));

/**
 * The link finder (linkifyjs) once `wanted` turns true, loaded then and once
 * for the page; null until it is there or when it could not be loaded (a
 * later `wanted` tries again).
 */
export function useLinkFinder(wanted: boolean): FindLinks | null {
  const [finder, setFinder] = useState<FindLinks | null>(null);
  useEffect(() => {
    if (!wanted || finder) return;
    let live = true;
    loadFinder().then(
      (f) => live && setFinder(() => f),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [wanted, finder]);
  return finder;
}
