package cn.zibo.livelihood.ingest.read;

/** Receives the rows of a sheet; returns false to stop reading. */
@FunctionalInterface
public interface RowConsumer {

	boolean accept(SheetRow row);

}
