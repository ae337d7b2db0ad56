/**
 * What {@code serve} offers beyond the command line: the operator web page (server-rendered
 * Thymeleaf, English with the Chinese names of things) with the operators' actions in Chinese (作业计划,
 * 报告期 close and reopen, 进展报表 download, 催报), the department page in Chinese (its uploads,
 * pre-checks and live receipts done by one static script through the API), the JSON API under
 * {@code /api} (read-only but for a department's uploads and pre-checks), the login
 * (Spring Security: operators and departments, users from {@code etl.users}), the retention purge of
 * the job repository and the health and metrics the actuator shows. Everything here exists only in a
 * servlet web application ({@link cn.zibo.livelihood.ops.web.ServeOnly}), so one-shot commands start
 * none of it and need no login. Reads the database through the reporting views and the job
 * repository views ({@code R__job_repository.sql}); acts through {@code jobs.Executions}.
 */
package cn.zibo.livelihood.ops.web;
