/**
 * The catalogue: the 5 campaigns, 34 sections and 113 tasks of the municipal list, their lead
 * departments, the districts and the indicators every figure is reported against. Built from the
 * files in {@code seeds/} ({@link cn.zibo.livelihood.catalogue.CatalogueSeed}), stored as versions
 * ({@link cn.zibo.livelihood.catalogue.CatalogueLoader}) and read back for people
 * ({@link cn.zibo.livelihood.catalogue.CatalogueSummary}). Depends only on {@code system}; knows
 * nothing of Spring Batch.
 */
package cn.zibo.livelihood.catalogue;
