import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/**
 * The frame of every mail: plain, readable as text, no images and no tracking pixel. `org` names the organisation
 * the mail is about (React escapes it like any text). `unsubscribeUrl` is set by the worker for mails that are not
 * essential; it prints the footer's unsubscribe line.
 */
export function MailLayout(props: { preview: string; org?: string; unsubscribeUrl?: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f6f7f9", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2933" }}>
        <Container style={{ maxWidth: 560, margin: "0 auto", padding: "24px", backgroundColor: "#ffffff" }}>
          <Text style={{ fontSize: 13, color: "#52606d", margin: 0 }}>{props.org ? `Coachgrid · ${props.org}` : "Coachgrid"}</Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={{ fontSize: 12, color: "#52606d" }}>
            {props.unsubscribeUrl ? (
              <>
                You receive this because of your mail settings in Coachgrid. <Link href={props.unsubscribeUrl}>Unsubscribe from these mails</Link>.
              </>
            ) : (
              "You receive this because of an action on your Coachgrid account."
            )}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function MailText({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: 15, lineHeight: "22px" }}>{children}</Text>;
}

/** The mail's one main link, as a button; the plain-text part shows its address. */
export function MailButton({ href, children }: { href: string; children: string }) {
  return (
    <Button href={href} style={{ backgroundColor: "#1d4ed8", color: "#ffffff", padding: "10px 18px", borderRadius: 6, fontSize: 15 }}>
      {children}
    </Button>
  );
}
