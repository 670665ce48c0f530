import { useTranslations } from "next-intl";

/** A card's buttons for editors: edit, move up and down (the ordering), delete. */
export function MeasureOrdering(props: {
  id: string;
  title: string;
  first: boolean;
  last: boolean;
  busy: boolean;
  onEdit: () => void;
  onMove: (direction: "up" | "down") => void;
  onDelete: () => void;
}) {
  const { id, title, first, last, busy } = props;
  const t = useTranslations("measures");
  return (
    <div className="actions-row measure-actions">
      <button type="button" id={`${id}-edit`} className="button-secondary" aria-label={t("editLabel", { title })} onClick={props.onEdit} disabled={busy}>
        {t("edit")}
      </button>
      <button
        type="button"
        id={`${id}-up`}
        className="button-secondary"
        aria-label={t("moveUpLabel", { title })}
        onClick={() => props.onMove("up")}
        disabled={first}
        aria-disabled={busy || undefined}
      >
        {t("moveUp")}
      </button>
      <button
        type="button"
        id={`${id}-down`}
        className="button-secondary"
        aria-label={t("moveDownLabel", { title })}
        onClick={() => props.onMove("down")}
        disabled={last}
        aria-disabled={busy || undefined}
      >
        {t("moveDown")}
      </button>
      <button type="button" id={`${id}-delete`} className="button-danger" aria-label={t("deleteLabel", { title })} onClick={props.onDelete} aria-disabled={busy || undefined}>
        {t("delete")}
      </button>
    </div>
  );
}
