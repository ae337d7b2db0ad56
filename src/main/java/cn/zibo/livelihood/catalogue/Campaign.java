package cn.zibo.livelihood.catalogue;

/** One of the five three-year campaigns (攻坚行动), numbered 1..5 as written 一 … 五. */
public record Campaign(int no, String name) {
}
