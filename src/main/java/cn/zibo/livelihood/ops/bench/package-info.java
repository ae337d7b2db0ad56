/**
 * The {@code bench} command's parts (issue 6): deterministic inputs, the limits the pipeline is
 * measured against (COPY, POI's event read, Commons CSV), the pipeline's own jar run as child
 * processes with their memory watched, the latency under {@code serve}, and the figures printed.
 * Part of {@code ops}: it reaches the rest of the pipeline only through its jar and its database.
 */
package cn.zibo.livelihood.ops.bench;
