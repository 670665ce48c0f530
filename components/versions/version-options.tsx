/** The <option>s of a version picker: "Version n: label", newest first as given. */
export function VersionOptions({ versions }: { versions: readonly { number: number; label: string }[] }) {
  return (
    <>
      {versions.map((v) => (
        <option key={v.number} value={v.number}>
          Version {v.number}: {v.label}
        </option>
      ))}
    </>
  );
}
