// The root layout: document shell, metadata and the global stylesheet.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "./forms.css";

export const metadata: Metadata = {
  title: "Meshplane",
  description:
    "A management plane for cloud native infrastructure: designs, a public catalog, in-cluster agents and honest performance tests.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
