import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense, type ReactNode } from "react";
import { AddressNotice } from "@/components/shell/address-notice";
import { Toaster } from "@/components/ui/toaster";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Coachgrid", template: "%s · Coachgrid" },
  description: "Rate the behaviours that predict sales success, compare with each rep's self-assessment, and coach on the gaps.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, even the static ones (home, sign-up, not found): its scripts carry that
  // request's Content-Security-Policy nonce (proxy.ts), and a page built ahead has none, so its scripts would not run.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Suspense>
          <PublicAddressNotice />
        </Suspense>
        {children}
        <Toaster />
      </body>
    </html>
  );
}

/** The public URL as the running server has it (read per request, so a build never bakes in another). */
async function PublicAddressNotice() {
  await connection();
  const url = env().NEXTAUTH_URL;
  return <AddressNotice publicOrigin={url ? new URL(url).origin : undefined} />;
}
