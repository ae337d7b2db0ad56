/**
 * How operators reach the pipeline: the command line (picocli) and, under {@code serve}, the web
 * page and HTTP API ({@code ops.web}). Operator text is English with the Chinese names of things. May
 * depend on every other package; nothing depends on it but the application's entry point.
 */
package cn.zibo.livelihood.ops;
