"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, MouseEvent, TouchEvent } from "react";

type Props = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string };

/**
 * A link whose page is fetched ahead when the pointer, a finger or the keyboard focus comes to it, not as soon as it
 * is in view (issue 17). Next.js fetches every link in view ahead once the page has hydrated: on the concept page
 * that was eight requests for four pages while its first part was connecting, competing with it on a small server;
 * a history of 50 versions asked for each comparison in view. Every page behind these links is rendered per request
 * and has no loading state, so fetching it ahead buys little; on intent it still starts before the click.
 */
export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...rest }: Props) {
  const router = useRouter();
  const ahead = () => router.prefetch(href);
  return (
    <Link
      {...rest}
      href={href}
      prefetch={false}
      onMouseEnter={(e: MouseEvent<HTMLAnchorElement>) => {
        onMouseEnter?.(e);
        ahead();
      }}
      onFocus={(e: FocusEvent<HTMLAnchorElement>) => {
        onFocus?.(e);
        ahead();
      }}
      onTouchStart={(e: TouchEvent<HTMLAnchorElement>) => {
        onTouchStart?.(e);
        ahead();
      }}
    />
  );
}
