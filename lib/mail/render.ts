import { render } from "@react-email/render";
import type { ClaimedMail } from "@/db/queries/mail";
import { mailKinds, isMailKind } from "./kinds";
import type { MailContext } from "./kind";
import { mailLink } from "./links";
import { PermanentMailError, type OutgoingMail } from "./transport";
import { unsubscribeToken } from "./unsubscribe-token";

/**
 * Renders a claimed mail: the kind's template with its props, to HTML and to plain text (one source), plus the
 * one-click unsubscribe (RFC 8058) for optional kinds. Rendering at send time keeps the outbox row small and lets
 * the link-bearing props be erased once sent.
 */
export async function renderMail(mail: ClaimedMail): Promise<OutgoingMail> {
  if (!isMailKind(mail.kind)) throw new PermanentMailError(`unknown mail kind ${mail.kind}`);
  if (!mail.props) throw new PermanentMailError("the mail's content was erased");
  const definition = mailKinds[mail.kind];
  const context: MailContext = {};
  const headers: Record<string, string> = {};
  if (definition.category !== "essential" && mail.toUserId && mail.orgId) {
    const token = unsubscribeToken(mail.toUserId, mail.orgId, definition.category);
    // The footer's link opens a page with a button; the header's URL takes the mail program's one-click POST.
    context.unsubscribeUrl = mailLink(`/unsubscribe/${token}`);
    headers["List-Unsubscribe"] = `<${mailLink(`/api/unsubscribe/${token}`)}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  const element = (definition.template as (p: unknown, c: MailContext) => React.ReactElement)(mail.props, context);
  const html = await render(element);
  const text = await render(element, { plainText: true });
  return { id: mail.id, kind: mail.kind, to: mail.toEmail, subject: mail.subject, html, text, headers, links: linksOf(html) };
}

function linksOf(html: string): string[] {
  const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  return [...new Set(links)];
}
