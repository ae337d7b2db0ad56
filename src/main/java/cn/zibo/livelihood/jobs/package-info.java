/**
 * The Spring Batch jobs, one {@code XxxJobConfiguration} each, wiring capabilities into steps, and
 * one {@code XxxJobIntegrationTests} each beside them in the tests. This is the only package that
 * knows Spring Batch; the capabilities it calls stay plain classes. Depends on the capabilities and
 * {@code system}; nothing but {@code schedule} and {@code ops} depends on it.
 * <p>
 * Why the steps are tasklets rather than chunk-oriented reader/processor/writer steps: the unit of
 * work is a file, not a row. A file is loaded whole or not at all, judged only once every row is
 * read, and a chunk step would commit part of it. So a tasklet takes one submission per
 * transaction and repeats while submissions wait (a crash loses at most the one in hand), and it
 * records what a chunk step would count: {@code submissionLoadStep} reads every figure of the file,
 * writes those loaded and filters those rejected; {@code inboxClaimStep} writes a claim per file;
 * {@code receiptWriteStep} writes a receipt per submission and skips one it could not write;
 * {@code reconcileStep} writes the findings it opens and filters those it closes.
 * <p>
 * Several waiting files load at once by partitioning, Spring Batch's way of running one step's work
 * side by side: {@code submissionLoadStep} is a partitioned step whose partitions (one per
 * department with files waiting, so a partition per submission when each sends one) run that same
 * tasklet on a {@code TaskExecutorPartitionHandler}'s pool ({@code etl.ingest.parallel-files}, the
 * core count by default). A department's files stay in one partition, in the order received; each
 * submission keeps its own transaction and savepoint; a partition restarted after a crash finds its
 * department in its execution context and processes only what still waits. Beyond one machine the
 * same step would take a remote partition handler (partitions as messages over a broker to workers
 * on other machines, their step executions in the shared job repository) without changing a worker.
 */
package cn.zibo.livelihood.jobs;
