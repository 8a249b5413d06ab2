import Link from "next/link";
import { showAllClass } from "./show-all-class";

/**
 * The toggle under a list the server cut (firstRows): a link to the same page with the whole list, or back to its
 * first rows. The rows left out are not sent at all, so a list of 500 teams costs the page nothing until asked for.
 * The href ends in the list's anchor, so the page opens again where the person was.
 */
export function ShowAllLink({ all, href, showAll, showFirst }: { all: boolean; href: string; showAll: string; showFirst: string }) {
  return (
    <Link href={href} className={showAllClass}>
      {all ? showFirst : showAll}
    </Link>
  );
}
