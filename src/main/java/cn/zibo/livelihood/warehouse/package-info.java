/**
 * The warehouse: submissions (one per file received) and the facts they load, with lineage back to
 * file, sheet and row. Loading streams figures in with COPY while the file is still being read, in
 * the caller's transaction after a savepoint (FactLoader), and is kept or undone once the file is
 * judged, so a submission is loaded whole or not at all and never twice.
 * Depends on {@code validate} (for the figures it stores), {@code catalogue} and {@code system}.
 */
package cn.zibo.livelihood.warehouse;
