package cn.zibo.livelihood.catalogue;

import java.util.List;

/** What the source document says: campaigns, sections and tasks, in written order. */
record SeedDocument(List<Campaign> campaigns, List<Section> sections, List<Task> tasks) {
}
