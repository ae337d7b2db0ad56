/**
 * Reading a CSV, XLSX or XLS file into rows of text. {@link cn.zibo.livelihood.ingest.read.TabularFiles}
 * opens a file (by what its bytes are, not only its extension) as a
 * {@link cn.zibo.livelihood.ingest.read.TabularFile} whose {@link cn.zibo.livelihood.ingest.read.SheetRow}s
 * carry every cell as text by the same rules whatever the format (encodings, delimiters, number
 * styles, merged cells), or refuses it with an {@link cn.zibo.livelihood.ingest.read.UnreadableFileException}
 * that tells the clerk in Chinese what is wrong and what to do.
 * {@link cn.zibo.livelihood.ingest.read.ReadAhead} reads on a thread of its own, ahead of the
 * consumer. Everything else here is package-private. Depends on POI and Commons CSV only: it knows
 * nothing of the catalogue, the inbox or the warehouse.
 */
package cn.zibo.livelihood.ingest.read;
