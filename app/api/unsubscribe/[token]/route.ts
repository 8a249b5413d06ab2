import { NextResponse } from "next/server";
import { unsubscribeOneClick } from "@/lib/mail/unsubscribe";

/**
 * The List-Unsubscribe URL of optional mails. POST (RFC 8058 one-click, sent by the mail program without cookies or
 * Origin): turns the category off. GET (a person opening the URL): the page with its button.
 */
export async function POST(_request: Request, { params }: RouteContext<"/api/unsubscribe/[token]">) {
  const outcome = await unsubscribeOneClick({ token: (await params).token });
  return new NextResponse(outcome.status === "ok" ? "Unsubscribed." : outcome.message, { status: outcome.status === "ok" ? 200 : 404 });
}

export async function GET(request: Request, { params }: RouteContext<"/api/unsubscribe/[token]">) {
  return NextResponse.redirect(new URL(`/unsubscribe/${encodeURIComponent((await params).token)}`, request.url), 303);
}
