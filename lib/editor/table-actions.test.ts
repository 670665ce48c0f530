import type { JSONContent } from "@tiptap/core";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { doc, p, table } from "./build";
import { TABLE_ACTIONS, TABLE_COMMANDS, tableActionsAt, type TableAction } from "./table-actions";
import { editorSchema, validateDoc } from "./validate";

/** An editor state with the cursor in the first text containing `at`. */
function stateAt(content: JSONContent, at: string) {
  const node = editorSchema().nodeFromJSON(content);
  node.check();
  let pos = -1;
  node.descendants((child, offset) => {
    if (pos < 0 && child.isText && child.text?.includes(at)) pos = offset + child.text.indexOf(at);
    return pos < 0;
  });
  if (pos < 0) throw new Error(`"${at}" not in the document`);
  return EditorState.create({ doc: node, selection: TextSelection.create(node, pos) });
}

/** The table's cells as text, row by row; header cells in [brackets]. */
function grid(state: EditorState): string[][] {
  const rows: string[][] = [];
  state.doc.descendants((node) => {
    if (node.type.name === "tableRow") {
      rows.push([]);
      node.forEach((cell) => rows.at(-1)!.push(cell.type.name === "tableHeader" ? `[${cell.textContent}]` : cell.textContent));
      return false;
    }
    return true;
  });
  return rows;
}

/** A table without a header row. */
const plainTable = (rows: string[][]): JSONContent => ({
  type: "table",
  content: rows.map((r) => ({ type: "tableRow", content: r.map((c) => ({ type: "tableCell", content: [p(c)] })) })),
});

function run(state: EditorState, action: TableAction) {
  let next = state;
  const done = TABLE_COMMANDS[action](state, (tr) => (next = state.apply(tr)));
  expect(done).toBe(true);
  return next;
}

const measures = doc(p("Vorher"), table(["Maßnahme", "Kosten"], [["Sprachcafé", "2.000 €"], ["Lotsen", "8.000 €"]]), p("Nachher"));

describe("table controls", () => {
  it("offer nothing outside a table", () => {
    expect(tableActionsAt(stateAt(measures, "Vorher"))).toBeNull();
  });

  it("offer every change inside a table with more than one row and column, and see the header row", () => {
    const actions = tableActionsAt(stateAt(measures, "Lotsen"));
    expect(actions?.headerRow).toBe(true);
    for (const action of TABLE_ACTIONS) expect(actions?.possible[action]).toBe(true);
    expect(tableActionsAt(stateAt(doc(plainTable([["ohne"], ["Kopf"]])), "ohne"))?.headerRow).toBe(false);
  });

  it("do not offer to delete the only row or the only column: that is deleting the table", () => {
    const single = tableActionsAt(stateAt(doc(plainTable([["allein"]])), "allein"));
    expect(single?.possible).toMatchObject({ deleteRow: false, deleteColumn: false, addRowAfter: true, addColumnAfter: true, deleteTable: true });
  });

  it("do what their labels say, and the result is a table the server stores", () => {
    const at = stateAt(measures, "Sprachcafé");
    expect(grid(run(at, "addRowBefore"))).toEqual([["[Maßnahme]", "[Kosten]"], ["", ""], ["Sprachcafé", "2.000 €"], ["Lotsen", "8.000 €"]]);
    expect(grid(run(at, "addRowAfter"))).toEqual([["[Maßnahme]", "[Kosten]"], ["Sprachcafé", "2.000 €"], ["", ""], ["Lotsen", "8.000 €"]]);
    expect(grid(run(at, "deleteRow"))).toEqual([["[Maßnahme]", "[Kosten]"], ["Lotsen", "8.000 €"]]);
    expect(grid(run(at, "addColumnBefore"))).toEqual([["[]", "[Maßnahme]", "[Kosten]"], ["", "Sprachcafé", "2.000 €"], ["", "Lotsen", "8.000 €"]]);
    expect(grid(run(at, "addColumnAfter"))).toEqual([["[Maßnahme]", "[]", "[Kosten]"], ["Sprachcafé", "", "2.000 €"], ["Lotsen", "", "8.000 €"]]);
    expect(grid(run(at, "deleteColumn"))).toEqual([["[Kosten]"], ["2.000 €"], ["8.000 €"]]);
    const withoutHeader = run(at, "toggleHeaderRow");
    expect(grid(withoutHeader)).toEqual([["Maßnahme", "Kosten"], ["Sprachcafé", "2.000 €"], ["Lotsen", "8.000 €"]]);
    expect(tableActionsAt(withoutHeader)?.headerRow).toBe(false);
    expect(grid(run(withoutHeader, "toggleHeaderRow"))[0]).toEqual(["[Maßnahme]", "[Kosten]"]);
    const gone = run(at, "deleteTable");
    expect(grid(gone)).toEqual([]);
    expect(gone.doc.textContent).toBe("VorherNachher");
    for (const action of TABLE_ACTIONS) expect(validateDoc(run(at, action).doc.toJSON()).ok).toBe(true);
  });
});
