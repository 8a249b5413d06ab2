import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
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
        {children}
        <Toaster />
      </body>
    </html>
  );
}
