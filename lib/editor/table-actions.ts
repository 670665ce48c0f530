/**
 * The table controls of the editor: which changes to a table are possible where
 * the cursor is, and the ProseMirror command behind each button. The toolbar
 * asks `tableActionsAt` to decide which buttons it offers and runs `TABLE_COMMANDS`.
 */
import type { Command, EditorState } from "@tiptap/pm/state";
import {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  deleteTable,
  isInTable,
  rowIsHeader,
  selectedRect,
  tableNodeTypes,
  type TableRect,
} from "@tiptap/pm/tables";

export const TABLE_ACTIONS = [
  "addRowBefore",
  "addRowAfter",
  "deleteRow",
  "addColumnBefore",
  "addColumnAfter",
  "deleteColumn",
  "toggleHeaderRow",
  "deleteTable",
] as const;
export type TableAction = (typeof TABLE_ACTIONS)[number];

/**
 * "Kopfzeile an/aus" switches the table's first row, wherever the cursor is
 * (prosemirror-tables' toggleHeaderRow would switch the row the cursor is in).
 */
const toggleFirstRowHeader: Command = (state, dispatch) => {
  if (!isInTable(state)) return false;
  if (dispatch) {
    const { map, table, tableStart } = selectedRect(state);
    const types = tableNodeTypes(state.schema);
    const type = rowIsHeader(map, table, 0) ? types.cell : types.header_cell;
    const tr = state.tr;
    // Same-size node changes: the positions stay valid.
    for (const offset of map.cellsInRect({ left: 0, top: 0, right: map.width, bottom: 1 })) {
      const cell = tr.doc.nodeAt(tableStart + offset)!;
      tr.setNodeMarkup(tableStart + offset, type, cell.attrs, cell.marks);
    }
    dispatch(tr);
  }
  return true;
};

/**
 * prosemirror-tables answers "possible" when asked without dispatch, but then refuses
 * to delete every row (or column): ask the same question it asks when it runs.
 */
const unlessWhole =
  (command: Command, whole: (rect: TableRect) => boolean): Command =>
  (state, dispatch) =>
    isInTable(state) && !whole(selectedRect(state)) && command(state, dispatch);

export const TABLE_COMMANDS: Record<TableAction, Command> = {
  addRowBefore,
  addRowAfter,
  deleteRow: unlessWhole(deleteRow, (r) => r.top === 0 && r.bottom === r.map.height),
  addColumnBefore,
  addColumnAfter,
  deleteColumn: unlessWhole(deleteColumn, (r) => r.left === 0 && r.right === r.map.width),
  toggleHeaderRow: toggleFirstRowHeader,
  deleteTable,
};

export type TableActions = {
  /** per action: can it be done here (the last row or column cannot be deleted: that is "Tabelle löschen") */
  possible: Record<TableAction, boolean>;
  /** is the table's first row a header row */
  headerRow: boolean;
};

/** What the table controls offer for the current selection; null when it is not in a table. */
export function tableActionsAt(state: EditorState): TableActions | null {
  if (!isInTable(state)) return null;
  const possible = Object.fromEntries(TABLE_ACTIONS.map((action) => [action, TABLE_COMMANDS[action](state)])) as Record<TableAction, boolean>;
  const rect = selectedRect(state);
  return { possible, headerRow: rowIsHeader(rect.map, rect.table, 0) };
}
