/**
 * Plumbing every capability shares: the embedded PostgreSQL started when no external database is
 * configured (a server others reach with a password), the reporting reader's database role, a quick
 * look at whether the database answers, the pipeline's settings ({@code etl.*}) and the clock. Depends on nothing else of the
 * application.
 */
package cn.zibo.livelihood.system;
