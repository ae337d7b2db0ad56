/**
 * Text for the terminal as an operator reads it: tables aligned by display width (a Chinese
 * character takes two columns) and the Chinese words for the codes the pipeline keeps (job names,
 * run and submission statuses), with numbers written 12,500. Depends on nothing of the application.
 */
package cn.zibo.livelihood.ops.text;
