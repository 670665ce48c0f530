import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Konzeptwerk", template: "%s · Konzeptwerk" },
  description: "Integrationskonzepte für Kommunen schreiben, abstimmen und beschließen",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="de">
      <body>
        <a className="skip-link" href="#main">
          Zum Inhalt springen
        </a>
        {children}
      </body>
    </html>
  );
}
