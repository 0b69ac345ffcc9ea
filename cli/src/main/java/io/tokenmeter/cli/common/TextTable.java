package io.tokenmeter.cli.common;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns sized to their widest cell. */
public final class TextTable {

  private static final String GAP = "  ";

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  public TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "a row needs " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  public void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (List<String> line : allLines()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : allLines()) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        boolean last = i == widths.length - 1;
        text.append(last ? line.get(i) : pad(line.get(i), widths[i]) + GAP);
      }
      out.println(text.toString().stripTrailing());
    }
  }

  private List<List<String>> allLines() {
    List<List<String>> all = new ArrayList<>(rows.size() + 1);
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static String pad(String cell, int width) {
    return cell + " ".repeat(width - cell.length());
  }
}
