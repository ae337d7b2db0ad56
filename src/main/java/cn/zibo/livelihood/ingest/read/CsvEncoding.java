package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character set of a CSV file as Excel and clerks write them: a byte order mark first (UTF-8,
 * UTF-16LE, UTF-16BE), else UTF-16 recognised by its zero bytes, else UTF-8 when the whole file
 * decodes strictly as UTF-8, else GB18030 (which includes GBK), what Excel writes on a Chinese
 * system.
 *
 * @param charset how to decode the text
 * @param bomLength bytes to skip before the text starts
 */
record CsvEncoding(Charset charset, int bomLength) {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final int SAMPLE = 4096;

	static CsvEncoding detect(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(SAMPLE);
		}
		Charset bomCharset = charsetOfBom(head);
		if (bomCharset != null) {
			return new CsvEncoding(bomCharset, bomLength(head));
		}
		Charset utf16 = utf16WithoutBom(head);
		if (utf16 != null) {
			return new CsvEncoding(utf16, 0);
		}
		return new CsvEncoding(isStrictUtf8(file) ? StandardCharsets.UTF_8 : GB18030, 0);
	}

	static Charset charsetOfBom(byte[] head) {
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return StandardCharsets.UTF_8;
		}
		if (startsWith(head, 0xFF, 0xFE)) {
			return StandardCharsets.UTF_16LE;
		}
		return startsWith(head, 0xFE, 0xFF) ? StandardCharsets.UTF_16BE : null;
	}

	static int bomLength(byte[] head) {
		Charset charset = charsetOfBom(head);
		return (charset == null) ? 0 : (charset == StandardCharsets.UTF_8) ? 3 : 2;
	}

	/**
	 * Text in UTF-16 without a byte order mark has a zero in nearly every other byte, which is valid
	 * UTF-8 but never a real CSV; Chinese characters put non-zero bytes there too, so the test is
	 * that at least a third of one parity is zero while the other parity nearly never is.
	 */
	static Charset utf16WithoutBom(byte[] head) {
		int pairs = head.length / 2;
		if (pairs < 2) {
			return null;
		}
		int zeroEven = 0;
		int zeroOdd = 0;
		for (int i = 0; i + 1 < head.length; i += 2) {
			zeroEven += (head[i] == 0) ? 1 : 0;
			zeroOdd += (head[i + 1] == 0) ? 1 : 0;
		}
		if (zeroOdd * 3 >= pairs && zeroEven * 20 < pairs) {
			return StandardCharsets.UTF_16LE;
		}
		return (zeroEven * 3 >= pairs && zeroOdd * 20 < pairs) ? StandardCharsets.UTF_16BE : null;
	}

	/** Decodes the whole file in chunks, keeping nothing, and stops at the first malformed byte. */
	private static boolean isStrictUtf8(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
		CharBuffer chars = CharBuffer.allocate(64 * 1024);
		try (InputStream in = Files.newInputStream(file)) {
			boolean end = false;
			while (!end) {
				int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
				end = read < 0;
				bytes.position(bytes.position() + Math.max(read, 0));
				bytes.flip();
				CoderResult result = decoder.decode(bytes, chars, end);
				if (result.isError() || (end && decoder.flush(chars).isError())) {
					return false;
				}
				if (end && bytes.hasRemaining()) {
					return false;
				}
				bytes.compact();
				chars.clear();
			}
		}
		return true;
	}

	private static boolean startsWith(byte[] head, int... prefix) {
		if (head.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((head[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
