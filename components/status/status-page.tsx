import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

type Props = {
  code: string;
  title: string;
  children: ReactNode;
  action?: ReactNode;
  /** False when rendered inside a layout that already has the page's main landmark. */
  landmark?: boolean;
};

/** The body of not-found, forbidden and error pages: a code, a sentence, a way on. */
export function StatusPage({ code, title, children, action, landmark = true }: Props) {
  const Root = landmark ? "main" : "div";
  return (
    <Root className="mx-auto flex max-w-lg flex-col items-center px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-3 text-slate-600">{children}</div>
      <div className="mt-8 flex gap-3">
        {action ?? (
          <Link href="/o" className={buttonClasses("primary")}>
            Go to your organisations
          </Link>
        )}
      </div>
    </Root>
  );
}
