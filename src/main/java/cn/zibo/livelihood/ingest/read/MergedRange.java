package cn.zibo.livelihood.ingest.read;

/** A merged cell range: rows 1-based like {@link SheetRow#rowNo()}, columns 0-based, both inclusive. */
public record MergedRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {
}
