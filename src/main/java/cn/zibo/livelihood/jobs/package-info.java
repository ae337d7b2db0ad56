/**
 * The Spring Batch jobs, one {@code XxxJobConfiguration} each, wiring capabilities into steps.
 * This is the only package that knows Spring Batch; the capabilities it calls stay plain classes.
 * Depends on the capabilities and {@code system}; nothing but {@code schedule} and {@code ops}
 * depends on it.
 */
package cn.zibo.livelihood.jobs;
