/**
 * The benchmark, kept out of the production jar: deterministic inputs, the limits the pipeline is
 * measured against (COPY, POI's event read, Commons CSV), the pipeline's own jar run as child
 * processes with their memory watched, the latency under {@code serve}, and the figures printed.
 * It is compiled and run only by Maven's {@code bench} profile, after the default build has packaged
 * the jar it measures; it reaches the pipeline only through that jar and its database (whose embedded
 * server it hosts, as any first pipeline process would, so that every child connects to it).
 */
package cn.zibo.livelihood.bench;
