/**
 * The warehouse: submissions (one per file received) and the facts they load, with lineage back to
 * file, sheet and row. Loading is set-based (figures are staged, then promoted by one database
 * function) and transactional, so a submission is loaded whole or not at all and never twice.
 * Depends on {@code validate} (for the figures it stores), {@code catalogue} and {@code system}.
 */
package cn.zibo.livelihood.warehouse;
