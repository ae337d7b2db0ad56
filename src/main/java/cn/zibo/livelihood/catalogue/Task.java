package cn.zibo.livelihood.catalogue;

import java.util.List;

/**
 * One of the 113 key tasks.
 *
 * @param text the task's text without the lead-department tail
 * @param leadText the lead-department tail exactly as written, e.g. {@code (牵头部门:市教育局)}
 * @param leadsWritten the lead names in written order, as spelled in the text (a second name
 * written in brackets, 市农业农村局(市乡村振兴局), is its own entry)
 */
public record Task(int no, int sectionNo, String text, String leadText, List<String> leadsWritten) {
}
