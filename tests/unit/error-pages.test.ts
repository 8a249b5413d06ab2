import { isValidElement, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import RootError from "@/app/error";
import GlobalError from "@/app/global-error";
import OrganisationError from "@/app/o/[slug]/(member)/error";

type Props = { onClick?: () => void; children?: ReactNode; [key: string]: unknown };

/** Every click handler in an element tree, with the text of the element that carries it (components are not rendered). */
function clickables(node: unknown, found: { text: string; onClick: () => void }[] = []) {
  if (Array.isArray(node)) node.forEach((child) => clickables(child, found));
  else if (isValidElement<Props>(node)) {
    if (node.props.onClick) found.push({ text: textOf(node.props.children), onClick: node.props.onClick });
    for (const value of Object.values(node.props)) clickables(value, found);
  }
  return found;
}

function textOf(node: ReactNode): string {
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(textOf).join("");
  return isValidElement<Props>(node) ? textOf(node.props.children) : "";
}

/**
 * The error pages' "Try again" calls `retry` (fetch the page from the server again), not `reset` (re-render what
 * the browser already has): after a database outage only a refetch recovers. The outage reliability test clicks it
 * in a browser for app/error.tsx; this covers all three pages.
 */
describe("error pages", () => {
  const pages = [
    ["app/error.tsx", RootError],
    ["app/o/[slug]/(member)/error.tsx", OrganisationError],
    ["app/global-error.tsx", GlobalError],
  ] as const;

  for (const [file, Page] of pages) {
    it(`${file}: "Try again" fetches the page again`, () => {
      const retry = vi.fn();
      const reset = vi.fn();
      const props = { error: Object.assign(new Error("database down"), { digest: "123" }), retry, reset };
      const buttons = clickables((Page as (p: typeof props) => ReactNode)(props));
      expect(buttons.map((b) => b.text)).toEqual(["Try again"]);
      buttons[0]!.onClick();
      expect(retry).toHaveBeenCalledTimes(1);
      expect(reset).not.toHaveBeenCalled();
    });
  }
});
