/**
 * Where the data of a submitted file is and how to read it. {@link cn.zibo.livelihood.ingest.layout.Layouts}
 * finds, on every visible sheet, the header below any title rows (one row, or a block of two or three
 * with merged cells), what each column holds (a field, or the values of a district, a period or
 * both) and where rows without a period or district take theirs from;
 * {@link cn.zibo.livelihood.ingest.layout.EntryReader} turns the rows under it into entries, one per
 * figure, until the notes below the data; {@link cn.zibo.livelihood.ingest.layout.ReadingText} says
 * in Chinese how the file was read, for the receipt. Depends on {@code ingest.read},
 * {@code validate} and {@code catalogue}; knows nothing of the inbox or the warehouse.
 */
package cn.zibo.livelihood.ingest.layout;
