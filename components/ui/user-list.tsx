/** Entries a user typed one per line (partners, target groups): each its own list item, isolated, never one comma-joined string. */
export function UserList({ items, className }: { items: string[]; className: string }) {
  return (
    <ul className={className}>
      {items.map((item, i) => (
        <li key={i}>
          <bdi>{item}</bdi>
        </li>
      ))}
    </ul>
  );
}
