package cn.zibo.livelihood.catalogue;

/** One of the 34 sections, numbered 1..34 across the whole list as written (一) … (三十四). */
public record Section(int no, int campaignNo, String name) {
}
