package cn.zibo.livelihood.ingest.layout;

import java.util.Optional;

/** Which field a header names, as a department's mapping spells them. */
public interface Spellings {

	Optional<Field> fieldOf(String header);

}
