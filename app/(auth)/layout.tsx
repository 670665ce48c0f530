import { LanguageSwitch } from "@/components/ui/language-switch";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="auth-wrap">
      <main id="main">
        <LanguageSwitch />
        <p className="brand" style={{ fontWeight: 700, fontSize: "1.2rem", margin: "0 0 1rem" }}>
          Konzeptwerk
        </p>
        <div className="card">{children}</div>
      </main>
    </div>
  );
}
